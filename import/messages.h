// The messages of import/ (workbooks, headers, values, person rows into households), in
// Chinese and English (util/lang.h). Header names and values stay as the workbook writes them.
#pragma once

#include "util/lang.h"

namespace kaoping::msg {

inline constexpr Message kImpOutIsFile{"{}：--out 必须是目录，这是一个文件",
                                       "{}: --out must be a directory, and this is a file"};
inline constexpr Message kImpOutIsInput{"{}：--out 是输入之一", "{}: --out is one of the inputs"};
inline constexpr Message kImpOutNotEmpty{
    "{}：--out 不是空目录；要把登记数据写入其中请加 --force",
    "{}: --out is not empty; give --force to write the registry into it"};
inline constexpr Message kImpWouldReplace{"{} 是本次导入的输入，会被替换",
                                          "{} is an input of this import and would be replaced"};

inline constexpr Message kImpFailsChecks{
    "导入的登记数据没有通过检查（见 docs/registry.md）：{}",
    "the imported registry fails the checks of docs/registry.md: {}"};
inline constexpr Message kImpInconsistent{"导入的登记数据前后不一致：{}",
                                          "the imported registry is inconsistent: {}"};

inline constexpr Message kImpNoFile{"无法读取：没有这个文件", "cannot read: no such file"};
inline constexpr Message kImpIsDir{"无法读取：这是目录，不是文件",
                                   "cannot read: it is a directory, not a file"};
inline constexpr Message kImpNotRegular{
    "无法读取：不是普通文件（是设备、管道或套接字）",
    "cannot read: not a regular file (a device, a pipe or a socket)"};
inline constexpr Message kImpEmpty{"文件是空的", "the file is empty"};

}  // namespace kaoping::msg
