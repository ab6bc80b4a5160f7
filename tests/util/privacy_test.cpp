#include "util/privacy.h"

#include <gtest/gtest.h>

namespace kaoping {
namespace {

TEST(MaskIdNumber, KeepsFirstSixAndLastFour) {
  EXPECT_EQ(mask_id_number("110101199003074514"), "110101********4514");
  EXPECT_EQ(mask_id_number("53262719800101002X"), "532627********002X");
  EXPECT_EQ(mask_id_number("12345678901"), "123456*8901");
}

TEST(MaskIdNumber, MasksShortValuesWhole) {
  EXPECT_EQ(mask_id_number(""), "");
  EXPECT_EQ(mask_id_number("1234567890"), "**********");
  EXPECT_EQ(mask_id_number("abc"), "***");
}

TEST(MaskIdNumber, CountsCharactersNotBytes) {
  // 11 characters, three of them Chinese: one masked character in the middle.
  EXPECT_EQ(mask_id_number("云南省12345678"), "云南省123*5678");
}

TEST(ScrubPersonalData, MasksIdNumbersInText) {
  EXPECT_EQ(scrub_personal_data("户主 110101199003074514 在家"), "户主 110101********4514 在家");
  EXPECT_EQ(scrub_personal_data("id=11010119900307451x;"), "id=110101********451x;");
}

TEST(ScrubPersonalData, RemovesPhones) {
  EXPECT_EQ(scrub_personal_data("电话13912345678。"), "电话***。");
  EXPECT_EQ(scrub_personal_data("tel 0871-1234567, 0871-12345678"), "tel ***, ***");
}

TEST(ScrubPersonalData, LeavesOtherNumbersAlone) {
  // A longer run of digits, a decimal, a household id with a letter, a 10-digit number.
  const std::string text =
      "1101011990030745141 0.13912345678 H13912345678 1391234567 3335 2017-09-05 62.3%";
  EXPECT_EQ(scrub_personal_data(text), text);
}

TEST(ContainsFullIdNumber, FindsOnlyWholeIdNumbers) {
  EXPECT_TRUE(contains_full_id_number("x 110101199003074514"));
  EXPECT_TRUE(contains_full_id_number("53262719800101002X"));
  EXPECT_FALSE(contains_full_id_number("110101********4514"));
  EXPECT_FALSE(contains_full_id_number("1101011990030745"));
  EXPECT_FALSE(contains_full_id_number(scrub_personal_data("a 110101199003074514 b")));
}

TEST(Privacy, PseudonymIsStableAndLooksLikeNoPersonalNumber) {
  const std::string p = pseudonym("110105194912310021");
  EXPECT_EQ(p, pseudonym("110105194912310021"));
  EXPECT_NE(p, pseudonym("110105194912310048"));
  EXPECT_EQ(p.size(), 18u);
  EXPECT_EQ(p.substr(0, 2), "P-");
  EXPECT_FALSE(contains_personal_number(p));
  EXPECT_EQ(scrub_personal_data(p), p);
}

TEST(Privacy, ContainsPersonalNumberFindsIdNumbersAndPhones) {
  EXPECT_TRUE(contains_personal_number("110105194912310021"));
  EXPECT_TRUE(contains_personal_number("tel 13912345678"));
  EXPECT_TRUE(contains_personal_number("0871-1234567"));
  EXPECT_FALSE(contains_personal_number("T01V01H0001"));
  EXPECT_FALSE(contains_personal_number("1391234567"));
}

TEST(Privacy, ScrubJsonStringsLeavesNumbersAlone) {
  EXPECT_EQ(scrub_json_strings(R"({"seed": 13912345678, "name": "tel 13912345678"})"),
            R"({"seed": 13912345678, "name": "tel ***"})");
  EXPECT_EQ(scrub_json_strings(R"({"a\"b": "110101199003074514"})"),
            R"({"a\"b": "110101********4514"})");
  EXPECT_EQ(scrub_json_strings(R"(["unterminated 13912345678)"), R"(["unterminated ***)");
}

}  // namespace
}  // namespace kaoping
