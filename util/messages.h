// The messages of util/ (CSV reading, files), in Chinese and English (util/lang.h).
#pragma once

#include "util/lang.h"

namespace kaoping::msg {

inline constexpr Message kCsvEmpty{"文件是空的；第一行应是列名",
                                   "file is empty; expected a header row naming the columns"};
inline constexpr Message kCsvFieldCountShort{
    "这一行有 {} 个字段，表头有 {} 个（缺少字段，或不带引号的字段里有换行）",
    "row has {} fields but the header has {} (missing fields or a line break inside an "
    "unquoted field)"};
inline constexpr Message kCsvFieldCountLong{
    "这一行有 {} 个字段，表头有 {} 个（字段里有不带引号的逗号？）",
    "row has {} fields but the header has {} (an unquoted comma inside a field?)"};
inline constexpr Message kCsvTabs{"制表符", "tabs"};
inline constexpr Message kCsvSemicolons{"分号", "semicolons"};
inline constexpr Message kCsvSeparator{
    "表头里没有逗号：各列似乎用{}分隔；请把文件另存为逗号分隔的 CSV（Excel 中选“CSV UTF-8”）",
    "the header has no commas: the columns seem to be separated by {}; save the file as "
    "comma-separated CSV (in Excel: \"CSV UTF-8\")"};
inline constexpr Message kCsvNul{"二进制文件：含有 NUL 字节；应为 UTF-8 编码的 CSV 文本",
                                 "binary file: NUL byte found; expected CSV text in UTF-8"};
inline constexpr Message kCsvNotUtf8{
    "不是有效的 UTF-8（字节 {}）；文件不是 UTF-8 编码：请另存为 UTF-8，或用 \"iconv -f GB18030 -t "
    "UTF-8\" 转换",
    "invalid UTF-8 (byte {}); the file is not UTF-8: save it as UTF-8, or convert it with "
    "\"iconv -f GB18030 -t UTF-8\""};
inline constexpr Message kCsvAfterQuote{
    "右引号后面还有文字；带引号的字段里的引号要写成两个（\"\"）",
    "unexpected text after a closing quote; a quote inside a quoted field must be doubled "
    "(\"\")"};
inline constexpr Message kCsvStrayQuote{
    "不带引号的字段里有引号；请给整个字段加引号，并把其中的引号写成两个（\"\"）",
    "stray quote inside an unquoted field; quote the whole field and double the quote (\"\")"};
inline constexpr Message kCsvUnterminated{
    "带引号的字段没有结束（缺少右引号）",
    "unterminated quoted field (the closing quote is missing)"};
inline constexpr Message kCsvDuplicateColumn{"列“{}”重复（另见第 {} 列）",
                                             "duplicate column \"{}\" (also column {})"};

inline constexpr Message kFileCannotOpen{"{}：无法打开：{}", "{}: cannot open: {}"};
inline constexpr Message kFileReadError{"{}：读取出错", "{}: read error"};
inline constexpr Message kFileReadErrno{"{}：读取出错：{}", "{}: read error: {}"};
inline constexpr Message kFileIsDirectory{"{}：这是目录，不是文件",
                                          "{}: is a directory, not a file"};
inline constexpr Message kFileNotRegularInput{
    "{}：不是普通文件（是设备、FIFO 或套接字）；kaoping 只读取普通文件",
    "{}: is not a regular file (a device, a FIFO or a socket); kaoping reads only regular files"};
inline constexpr Message kFileTooLarge{
    "{}：超过了这个输入的上限 {} MiB；是不是选错了文件？（如何提高上限见 docs/limits.md）",
    "{}: is larger than the {} MiB this input may have; is it the right file? (docs/limits.md: "
    "how to raise it)"};
inline constexpr Message kCsvBadUtf16{
    "文件开头像 UTF-16，但不是有效的 UTF-16；请另存为 UTF-8，或用 \"iconv -f UTF-16 -t UTF-8\" "
    "转换",
    "file starts like UTF-16 but is not valid UTF-16; save it as UTF-8, or convert it with "
    "\"iconv -f UTF-16 -t UTF-8\""};
inline constexpr Message kCsvUtf16{"文件是 UTF-16 编码，已转换为 UTF-8",
                                   "file is UTF-16 encoded; converted to UTF-8"};
inline constexpr Message kCsvGbk{"文件是 GB18030/GBK 编码，已转换为 UTF-8",
                                 "file is GB18030/GBK encoded; converted to UTF-8"};
inline constexpr Message kFileCannotWrite{"{}：无法写入：{}", "{}: cannot write: {}"};
inline constexpr Message kFileWriteFailed{"{}：写入失败：{}", "{}: write failed: {}"};
inline constexpr Message kFileCannotRename{"{}：无法放到位：{}",
                                           "{}: cannot rename into place: {}"};
inline constexpr Message kDirNotDir{"{}：已存在，但不是目录", "{}: exists and is not a directory"};
inline constexpr Message kDirIsInput{
    "{}：是本命令的输入；请另选 --out 目录",
    "{}: is an input of this command; choose another --out directory"};
inline constexpr Message kDirNotEmpty{
    "{}：目录已存在且不是空的；要写入其中请加 --force",
    "{}: directory exists and is not empty; use --force to write into it"};
inline constexpr Message kDirCannotCreate{"{}：无法创建目录：{}",
                                          "{}: cannot create directory: {}"};
inline constexpr Message kFileIsInput{"{}：是本命令的输入；请另选 --out",
                                      "{}: is an input of this command; choose another --out"};
inline constexpr Message kFileExists{"{}：文件已存在；要替换它请加 --force",
                                     "{}: exists; use --force to replace it"};

}  // namespace kaoping::msg
