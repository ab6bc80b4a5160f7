// The messages of sampler/ (the design against the registry, draw files), in Chinese and
// English (util/lang.h).
#pragma once

#include "util/lang.h"

namespace kaoping::msg {

inline constexpr Message kSmpPps{
    "design.townships 为 {}，但按 township_selection: pps 只有 {} 个符合条件的乡镇有农户可抽",
    "design.townships is {} but only {} eligible townships have households to draw with "
    "township_selection: pps"};
inline constexpr Message kSmpTakenWhole{
    "行政村 {} 只有 {} 户，少于 design.households_per_village（{}）：全部入样",
    "village {} has {} households, fewer than design.households_per_village ({}): taken whole"};
inline constexpr Message kSmpNoTier{
    "行政村 {} 没有类别，而 design.tier_method: label 需要每个村的类别",
    "village {} has no tier, which design.tier_method: label needs"};
inline constexpr Message kSmpAtLeastOne{"design.townships 至少应为 1，实际是 {}",
                                        "design.townships must be at least 1, got {}"};
inline constexpr Message kSmpTooMany{
    "design.townships 为 {}，但只有 {} 个乡镇的各档次都有行政村",
    "design.townships is {} but only {} townships have a village in every tier"};
inline constexpr Message kSmpTooManyOne{
    "design.townships 为 {}，但只有 1 个乡镇的各档次都有行政村",
    "design.townships is {} but only 1 township has a village in every tier"};
inline constexpr Message kSmpNoIndicators{
    "行政村 {} 没有 natural、transport 和 economic 指标，而 design.tier_method: {} "
    "需要它们；请补上，或在 "
    "tier_method: label 下给每个行政村填 tier",
    "village {} has no natural, transport and economic indicators, which design.tier_method: {} "
    "needs; give them, or a tier for every village with tier_method: label"};

inline constexpr Message kDrawMissingColumn{"缺少必填列“household_id”",
                                            "missing required column \"household_id\""};
inline constexpr Message kDrawEmptyId{"household_id 是空的；每一行都要有",
                                      "household_id is empty; every row needs one"};
inline constexpr Message kDrawDuplicate{"household_id“{}”重复（第一次出现在第 {} 行）",
                                        "duplicate household_id \"{}\" (first on line {})"};
inline constexpr Message kDrawUnknown{"household_id“{}”不在登记数据中",
                                      "household_id \"{}\" not found in the registry"};
inline constexpr Message kDrawOtherRegistry{
    "这份样本的 {} 户中有 {} "
    "户不在登记数据中，或所在行政村、类别与登记数据不符（第一户是“{}”）：样本是从另一份登记数据"
    "抽取的；请用抽样时的 --registry",
    "{1} of the {0} households of this draw are not in the registry or sit in other villages or "
    "categories "
    "(the first is \"{2}\"): the draw was made from another registry; give the --registry it "
    "was drawn from"};
inline constexpr Message kDrawVillage{
    "village_id“{}”与登记数据不符：农户 {} 在行政村 {}",
    "village_id \"{}\" disagrees with the registry: household {} is in village {}"};
inline constexpr Message kDrawTownship{
    "township_id“{}”与登记数据不符：农户 {} 在乡镇 {}",
    "township_id \"{}\" disagrees with the registry: household {} is in township {}"};
inline constexpr Message kDrawCategory{
    "category“{}”与登记数据不符：农户 {} 是 {}（category {}）",
    "category \"{}\" disagrees with the registry: household {} is {} (category {})"};
inline constexpr Message kDrawTier{"tier 应为 good、medium、poor 之一，实际是“{}”",
                                   "tier must be one of good, medium, poor, got \"{}\""};
inline constexpr Message kDrawRole{"role 应为 sample、reserve 之一，实际是“{}”",
                                   "role must be one of sample, reserve, got \"{}\""};
inline constexpr Message kDrawRank{
    "备选行的 reserve_rank 应为不小于 1 的整数，实际是“{}”",
    "reserve_rank must be a whole number >= 1 on a reserve row, got \"{}\""};
inline constexpr Message kDrawRankOnSample{
    "样本行的 reserve_rank 应为空，实际是“{}”",
    "reserve_rank must be empty on a sample row, got \"{}\""};
inline constexpr Message kDrawPi{"inclusion_prob 应为 (0, 1] 之间的数，实际是“{}”",
                                 "inclusion_prob must be a number in (0, 1], got \"{}\""};
inline constexpr Message kDrawRankTwice{
    "行政村 {} 类别 {} 的 reserve_rank {} 重复（第一次出现在第 {} 行）",
    "reserve_rank {2} of village {0}, category {1} repeated (first on line {3})"};
inline constexpr Message kDrawEmpty{"样本中没有农户", "the draw lists no household"};
inline constexpr Message kDrawUnknownId{"未知的农户编号“{}”", "unknown household id \"{}\""};

}  // namespace kaoping::msg
