#include "util/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>

#include "util/text.h"

namespace kaoping {

/// Counts well-formed multi-byte UTF-8 sequences and malformed bytes, to tell a UTF-8 file
/// with a few damaged bytes from a file in another encoding.
void utf8_census(std::string_view text, std::size_t* valid_multi, std::size_t* invalid) {
  *valid_multi = *invalid = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      ++*invalid;
      ++i;
    } else {
      ++*valid_multi;
      i += n;
    }
  }
}

/// Converts `in` from `encoding` to UTF-8 with glibc iconv; false on any invalid or
/// truncated sequence.
bool iconv_to_utf8(std::string_view in, const char* encoding, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", encoding);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->assign(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  std::size_t src_left = in.size();
  char* dst = out->data();
  std::size_t dst_left = out->size();
  bool ok = true;
  while (src_left > 0) {
    std::size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    if (r != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      std::size_t used = out->size() - dst_left;
      out->resize(out->size() * 2);
      dst = out->data() + used;
      dst_left = out->size() - used;
      continue;
    }
    ok = false;  // EILSEQ (invalid sequence) or EINVAL (truncated sequence at the end)
    break;
  }
  iconv_close(cd);
  if (!ok) return false;
  out->resize(out->size() - dst_left);
  return true;
}

/// Converts GB18030 (a superset of GBK and GB2312) to UTF-8. False when the bytes are not
/// valid GB18030 or decode to characters no Chinese export contains (private use area, C1
/// controls), which means the file is in some third encoding.
bool gb18030_to_utf8(std::string_view in, std::string* out) {
  if (!iconv_to_utf8(in, "GB18030", out)) return false;
  // Reject decodings that land in the private use area or the C1 controls: GB18030 maps
  // almost any byte pair somewhere, and these are where Latin-1 or binary data ends up.
  for (std::size_t i = 0; i < out->size();) {
    std::size_t n = utf8_sequence_length(*out, i);
    if (n == 0) return false;
    const uint32_t cp = utf8_code_point(*out, i, n);
    if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) return false;
    i += n;
  }
  return true;
}

}  // namespace kaoping
