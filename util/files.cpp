#include "util/files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "util/limits.h"
#include "util/messages.h"

namespace kaoping {

bool read_file(const std::string& path, std::string* out, std::string* err, int64_t max_bytes,
               Lang lang) {
  if (max_bytes < 0) max_bytes = limits::max_input_bytes();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *err = render(msg::kFileCannotOpen, lang, path, std::strerror(errno));
    return false;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    *err = render(msg::kFileCannotOpen, lang, path, std::strerror(errno));
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *err =
        render(S_ISDIR(st.st_mode) ? msg::kFileIsDirectory : msg::kFileNotRegularInput, lang, path);
    return false;
  }
  const auto too_large = [&]() {
    *err = render(msg::kFileTooLarge, lang, path, max_bytes >> 20);
    return false;
  };
  if (st.st_size > max_bytes) return too_large();
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  out->clear();
  out->reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = render(msg::kFileReadErrno, lang, path, std::strerror(errno));
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<std::size_t>(n));
    if (static_cast<int64_t>(out->size()) > max_bytes) return too_large();  // it grew
  }
  return true;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

namespace {

/// An open descriptor closed when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string errno_text() {
  return std::strerror(errno);
}

/// A random suffix for temporary names: nobody can plant a link at a name they cannot guess.
std::string random_suffix() {
  static thread_local std::mt19937_64 gen(std::random_device{}() ^
                                          (static_cast<uint64_t>(::getpid()) << 32));
  static const char* chars = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (int i = 0; i < 12; ++i) s += chars[gen() % 36];
  return s;
}

/// Makes the entries of `dir` durable (a renamed file survives a power cut).
void fsync_dir(const std::string& dir) {
  Fd d{::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd >= 0) ::fsync(d.fd);
}

/// ".NAME<suffix>": a hidden name beside `target`. (Built with append: GCC 12 warns falsely
/// on `"." + string`, bug 105329.)
std::string hidden_name(const std::filesystem::path& target, const std::string& suffix) {
  std::string name(1, '.');
  name += target.filename().string();
  name += suffix;
  return name;
}

std::string parent_of(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

}  // namespace

bool check_replaceable_file(const std::string& path, std::string* err) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return true;
    *err = path + ": cannot write: " + errno_text();
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    *err = path + ": exists and is not a regular file; kaoping replaces only regular files";
    return false;
  }
  return true;
}

bool write_file_atomic(const std::string& path, const std::string& content, std::string* err,
                       Lang lang) {
  if (!check_replaceable_file(path, err)) return false;
  const std::filesystem::path target(path);
  const std::string dir = parent_of(path);
  // A fresh name beside the target, created exclusively and never through a link.
  std::string tmp;
  Fd fd;
  for (int attempt = 0; attempt < 100 && fd.fd < 0; ++attempt) {
    tmp = (target.parent_path() / hidden_name(target, ".tmp-" + random_suffix())).string();
    fd.fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd.fd < 0 && errno != EEXIST) break;
  }
  if (fd.fd < 0) {
    *err = render(msg::kFileCannotWrite, lang, path, errno_text());
    return false;
  }
  const auto fail = [&](const std::string& what) {
    *err = path + ": " + what + ": " + errno_text();
    ::unlink(tmp.c_str());
    return false;
  };
  if (!write_all(fd.fd, content) || ::fsync(fd.fd) != 0) return fail("write failed");
  const int fdnum = fd.fd;
  fd.fd = -1;
  if (::close(fdnum) != 0) return fail("write failed");
  // Checked again just before the rename: what took the target's place meanwhile stays.
  if (!check_replaceable_file(path, err)) {
    ::unlink(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return fail("cannot rename into place");
  fsync_dir(dir);
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

namespace {

namespace fs = std::filesystem;

/// True when `p` (absolute, canonical) is `dir` or lies inside it.
bool inside(const fs::path& p, const fs::path& dir) {
  auto d = dir.begin();
  auto q = p.begin();
  for (; d != dir.end(); ++d, ++q)
    if (q == p.end() || *q != *d) return false;
  return true;
}

/// A directory that --force may replace: empty, or the output of an earlier kaoping run (a
/// report set has manifest.json, a registry households.csv).
bool replaceable_dir(const fs::path& dir, const std::string& shown, bool force, std::string* err) {
  std::error_code ec;
  if (fs::is_empty(dir, ec) && !ec) return true;
  if (!force) {
    *err = shown + ": directory exists and is not empty; use --force to write into it";
    return false;
  }
  for (const char* mark : {"manifest.json", "households.csv"}) {
    struct stat st;
    if (::lstat((dir / mark).c_str(), &st) == 0 && S_ISREG(st.st_mode)) return true;
  }
  *err = shown +
         ": holds files that are not a kaoping output (no manifest.json or households.csv); "
         "--force replaces only an earlier output; choose a new or empty directory";
  return false;
}

}  // namespace

OutputDir::~OutputDir() {
  discard();
}

void OutputDir::discard() {
  if (stage_.empty()) return;
  std::error_code ec;
  fs::remove_all(stage_, ec);
  stage_.clear();
}

bool OutputDir::open(const std::string& dir, bool force, const std::vector<std::string>& inputs,
                     std::string* err) {
  discard();
  force_ = force;
  std::error_code ec;
  fs::path target = fs::absolute(dir, ec).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  if (fs::exists(target, ec)) {
    if (!fs::is_directory(target, ec)) {
      *err = dir + ": exists and is not a directory";
      return false;
    }
    target = fs::canonical(target, ec);  // a link to a directory: that directory is replaced
    for (const std::string& in : inputs) {
      if (in.empty() || !fs::exists(in, ec)) continue;
      const fs::path p = fs::canonical(in, ec);
      if (ec || !inside(p, target)) continue;
      *err = p == target ? dir + ": is an input of this command; choose another --out directory"
                         : dir + ": holds " + p.string() +
                               ", an input of this command; choose another --out directory";
      return false;
    }
    if (!replaceable_dir(target, dir, force, err)) return false;
  } else if (target.has_parent_path() && !fs::exists(target.parent_path(), ec) &&
             !fs::create_directories(target.parent_path(), ec)) {
    *err = target.parent_path().string() + ": cannot create directory: " + ec.message();
    return false;
  }
  // The staging directory sits beside the target, on the same file system, so that the
  // finished set moves into place with one rename.
  std::string tmpl = (target.parent_path() / hidden_name(target, ".kaoping-XXXXXX")).string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    *err = dir + ": cannot create a directory beside it: " + errno_text();
    return false;
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmpl.c_str(), 0777 & ~mask);
  target_ = target.string();
  shown_ = dir;
  stage_ = tmpl;
  return true;
}

bool OutputDir::commit(std::string* err) {
  if (stage_.empty()) return true;
  const std::string parent = parent_of(target_);
  for (int attempt = 0; attempt < 3; ++attempt) {
    if (::renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) == 0) {
      stage_.clear();
      fsync_dir(parent);
      return true;
    }
    if (errno == EINVAL && !fs::exists(target_) &&
        std::rename(stage_.c_str(), target_.c_str()) == 0) {
      stage_.clear();  // a file system without RENAME_NOREPLACE, and no directory there
      fsync_dir(parent);
      return true;
    }
    if (errno != EEXIST && errno != ENOTEMPTY) break;
    struct stat st;
    if (::lstat(target_.c_str(), &st) != 0) continue;  // gone meanwhile: try again
    if (!S_ISDIR(st.st_mode)) {
      *err = shown_ + ": exists and is not a directory";
      return false;
    }
    if (!replaceable_dir(target_, shown_, force_, err)) return false;
    // One rename swaps the finished set with the old one; the old set, now at the staging
    // name, is removed. A reader sees the old set or the new one, never a mix.
    if (::renameat2(AT_FDCWD, stage_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
      fsync_dir(parent);
      discard();
      return true;
    }
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) break;
    // A file system without the exchange: the old set steps aside, then the new one moves in.
    const std::string old = stage_ + ".old";
    if (std::rename(target_.c_str(), old.c_str()) != 0) break;
    if (std::rename(stage_.c_str(), target_.c_str()) != 0) {
      std::rename(old.c_str(), target_.c_str());
      break;
    }
    stage_ = old;
    fsync_dir(parent);
    discard();
    return true;
  }
  *err = shown_ + ": cannot move the finished outputs into place: " + errno_text();
  discard();
  return false;
}

}  // namespace kaoping
