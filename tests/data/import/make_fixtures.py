#!/usr/bin/python3
# Writes the committed workbook fixtures of tests/import (see README.md): a person-row export
# as openpyxl writes it (absolute part names, shared strings, numbers stored as numbers), and
# the same workbook saved as .xls by LibreOffice (run: soffice --headless --convert-to xls).
import datetime
import openpyxl


def idn(s17):
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return s17 + "10X98765432"[sum(int(a) * b for a, b in zip(s17, w)) % 11]


wb = openpyxl.Workbook()
ws = wb.active
ws.title = "贫困人口"
ws.append(["XX县建档立卡贫困人口信息（2018年）"])
ws.append(["导出单位：XX县扶贫办", None, None, None, "导出日期", datetime.date(2018, 8, 1)])
ws["F2"].number_format = "yyyy-mm-dd"
ws.append(["县(市、区、旗)", "乡镇", "行政村", "村民小组", "户编号", "家庭人口数", "脱贫标志",
           "脱贫年度", "贫困户属性", "致贫原因1", "是否危房户", "是否解决安全饮用水",
           "人均纯收入（元）", "户联系电话", "姓名", "证件号码", "与户主关系", "性别", "民族",
           "在校生情况", "是否参加大病保险", "是否会讲普通话", "登记日期"])
rows = [
    ["XX县", "大坪乡", "新村", "一组", 5325011234567, 2, 1, 2016, "一般贫困户", 1, "否", "是",
     3500.25, 13912345678, "张三", idn("53250119700101123"), "户主", "男", "彝族", "非在校生",
     "是", "否", datetime.date(2014, 5, 6)],
    ["XX县", "大坪乡", "新村", "一组", 5325011234567, 2, 1, 2016, "一般贫困户", 1, "否", "是",
     3500.25, None, "张小", idn("53250120080101124"), "之子", "男", "彝族", "小学", "是", "否",
     None],
    ["XX县", "大坪乡", "老村", "二组", 5325011234568, 1, 0, None, "低保贫困户", 8, "是", "否",
     2000, None, "李四", idn("53250119500101122"), "户主", "女", "汉族", "非在校生", "否", "是",
     None],
]
for r in rows:
    ws.append(r)
ws["W4"].number_format = "yyyy\"年\"m\"月\"d\"日\""
# A formula with its cached value is what Excel leaves; openpyxl writes no cached value, so the
# formula cell stays empty in this fixture (the reader takes cached values only).
wb.save("openpyxl_export.xlsx")

# A workbook written by hand, in the liberties the format allows and some writers take: the
# workbook part outside xl/ (found through _rels/.rels), parts named relative with "..",
# cells and rows without an `r` reference, an empty inline string, rich-text runs and a
# phonetic guide in the shared strings, a prefixed (x:) SpreadsheetML namespace, a 1904 date
# system and a custom date format.
import zipfile

NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="book/wb.xml"/></Relationships>',
    "book/wb.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:workbook {NS}><x:workbookPr date1904="1"/><x:sheets><x:sheet name="花名册" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>',
    "book/_rels/wb.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../data/s1.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="./strings.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/book/styles.xml"/></Relationships>',
    "book/strings.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:sst {NS} count="2" uniqueCount="2"><x:si><x:r><x:t>户</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">编号</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ほ</x:t></x:rPh></x:si><x:si><x:t>大坪乡</x:t></x:si></x:sst>',
    "book/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:styleSheet {NS}><x:numFmts count="1"><x:numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="176"/></x:cellXfs></x:styleSheet>',
    "data/s1.xml": f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet {NS}><x:sheetData>'
                   '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>行政村</x:t></x:is></x:c></x:row>'
                   '<x:row><x:c><x:v>5325011234567</x:v></x:c><x:c t="inlineStr"><x:is/></x:c><x:c t="inlineStr"><x:is><x:t>新村</x:t></x:is></x:c></x:row>'
                   '<x:row r="5"><x:c r="B5" s="1"><x:v>0</x:v></x:c><x:c><x:v>2.5</x:v></x:c><x:c r="E5" t="b"><x:v>1</x:v></x:c><x:c r="F5" t="str"><x:f>A2&amp;""</x:f><x:v>5325011234567</x:v></x:c><x:c r="G5" t="e"><x:v>#N/A</x:v></x:c></x:row>'
                   '</x:sheetData></x:worksheet>',
}
with zipfile.ZipFile("handmade.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in parts.items():
        z.writestr(name, text)
