#include "util/files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "util/messages.h"

namespace kaoping {

bool read_file(const std::string& path, std::string* out, std::string* err, Lang lang) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = render(msg::kFileCannotOpen, lang, path, std::strerror(errno));
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *err = render(msg::kFileReadError, lang, path);
    return false;
  }
  *out = std::move(ss).str();
  return true;
}

bool write_file_atomic(const std::string& path, const std::string& content, std::string* err,
                       Lang lang) {
  std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *err = render(msg::kFileCannotWrite, lang, path, std::strerror(errno));
    return false;
  }
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = render(msg::kFileWriteFailed, lang, path, std::strerror(errno));
      ::close(fd);
      ::unlink(tmp.c_str());
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    *err = render(msg::kFileWriteFailed, lang, path, std::strerror(errno));
    ::unlink(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *err = render(msg::kFileCannotRename, lang, path, std::strerror(errno));
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * len);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

bool is_one_of(const std::string& target, const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(target, ec)) return false;
  for (const std::string& p : paths)
    if (!p.empty() && fs::exists(p, ec) && fs::equivalent(target, p, ec)) return true;
  return false;
}

bool prepare_output_dir(const std::string& dir, bool force, const std::vector<std::string>& inputs,
                        std::string* err, Lang lang) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) {
      *err = render(msg::kDirNotDir, lang, dir);
      return false;
    }
    if (is_one_of(dir, inputs)) {
      *err = render(msg::kDirIsInput, lang, dir);
      return false;
    }
    if (!force && !fs::is_empty(dir, ec)) {
      *err = render(msg::kDirNotEmpty, lang, dir);
      return false;
    }
    return true;
  }
  if (!fs::create_directories(dir, ec)) {
    *err = render(msg::kDirCannotCreate, lang, dir, ec.message());
    return false;
  }
  return true;
}

bool write_files_into(const std::string& dir,
                      const std::vector<std::pair<std::string, std::string>>& files,
                      const std::vector<std::string>& inputs, std::string* err, Lang lang) {
  const auto path = [&](const std::string& name) {
    return (std::filesystem::path(dir) / name).string();
  };
  for (const auto& [name, content] : files) {
    if (is_one_of(path(name), inputs)) {
      *err = render(msg::kDirIsInput, lang, path(name));
      return false;
    }
  }
  for (const auto& [name, content] : files)
    if (!write_file_atomic(path(name), content, err, lang)) return false;
  return true;
}

bool write_output_file(const std::string& path, const std::string& content,
                       const std::vector<std::string>& inputs, bool force, std::string* err,
                       Lang lang) {
  namespace fs = std::filesystem;
  if (is_one_of(path, inputs)) {
    *err = render(msg::kFileIsInput, lang, path);
    return false;
  }
  std::error_code ec;
  if (!force && fs::exists(path, ec)) {
    *err = render(msg::kFileExists, lang, path);
    return false;
  }
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, ec) && !fs::create_directories(parent, ec)) {
    *err = render(msg::kDirCannotCreate, lang, parent.string(), ec.message());
    return false;
  }
  return write_file_atomic(path, content, err, lang);
}

}  // namespace kaoping
