// Reading an input of `kaoping import` (SPEC §6): an .xlsx or .xls workbook or a CSV file,
// told apart by its bytes rather than its name, into Sheets (import/sheet.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "import/sheet.h"
#include "util/diagnostics.h"
#include "util/limits.h"

namespace kaoping {

/// What a file turned out to be, by its bytes.
enum class FileFormat { kXlsx, kXls, kCsv };

/// Limits of the readers.
struct ReadLimits {
  /// Largest input file read, bytes (1 GiB): a county's export is a few MB; anything far
  /// larger is a mistake, and reading it would exhaust memory first.
  uint64_t max_file_bytes = static_cast<uint64_t>(limits::max_input_bytes());
};

/// Which sheets of a workbook to read: the part after '#' in "FILE#SHEET".
struct SheetSelector {
  enum class Which { kFirst, kNamed, kAll } which = Which::kFirst;
  std::string name;  ///< for kNamed
};

/// An input as named on the command line, split into the file and its sheet selector:
/// "export.xlsx#花名册" → ("export.xlsx", named 花名册), "export.xlsx#*" → every sheet. A name
/// whose '#' is part of an existing file's name is that file.
struct InputSpec {
  std::string arg;   ///< as given
  std::string path;  ///< the file
  SheetSelector sheets;
};
InputSpec parse_input_spec(const std::string& arg);

/// One file as read: what it was, its bytes' SHA-256, every sheet of it (name and whether it
/// was read), and its sheets' tables.
struct WorkbookFile {
  std::string path;  ///< as given, without #SHEET
  FileFormat format = FileFormat::kCsv;
  std::string sha256;
  std::vector<std::string> sheet_names;  ///< every worksheet, in workbook order
  std::vector<Sheet> sheets;             ///< the sheets read (all of them for kAll)
};

/// Reads `spec.path`: a regular file of at most `limits.max_file_bytes`, whose first bytes
/// say what it is. An .xlsx (a zip with xl/workbook.xml) is read with libzip and a streaming
/// expat parser; an .xls (BIFF in an OLE2 compound file) with FreeXL; text as CSV (UTF-8 with
/// or without BOM, UTF-16, GBK/GB18030) with util/csv. A workbook whose name says otherwise
/// (.xlsx named .xls) is read with a warning; a file that is no workbook (an HTML page, a
/// CSV or a Word document saved with an .xls name, a zip of something else, an encrypted
/// workbook) is an error that says what it is and what to do. For kFirst the first visible
/// worksheet is read, for kNamed the one of that name (an error listing the others when
/// there is none), for kAll every worksheet. Returns false on any error.
bool read_workbook(const InputSpec& spec, const ReadLimits& limits, WorkbookFile* out,
                   Diagnostics* diag);

}  // namespace kaoping
