// Converting the encodings county files arrive in (GBK/GB18030 from the national system,
// UTF-16 from Excel's "Unicode text") to UTF-8, with glibc iconv.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kaoping {

/// Converts `in` from `encoding` (an iconv name) to UTF-8; false on any invalid or truncated
/// sequence.
bool iconv_to_utf8(std::string_view in, const char* encoding, std::string* out);

/// Converts GB18030 (a superset of GBK and GB2312) to UTF-8. False when the bytes are not
/// valid GB18030 or decode to characters no Chinese export contains (private use area, C1
/// controls), which means the text is in some third encoding.
bool gb18030_to_utf8(std::string_view in, std::string* out);

/// Counts well-formed multi-byte UTF-8 sequences and malformed bytes, to tell UTF-8 text
/// with a few damaged bytes from text in another encoding.
void utf8_census(std::string_view text, std::size_t* valid_multi, std::size_t* invalid);

}  // namespace kaoping
