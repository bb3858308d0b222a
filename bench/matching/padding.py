"""Extra local partners, generated deterministically, to measure ranking among a district's many.

`generate(count, seed)` returns partners in the format of partners.json (keys g0001, g0002, ...):
Chinese company names with English (and for German subsidiaries German) names, descriptions and
offers in Chinese, English and German, across all industries and offer kinds.

Many are near distractors of the labelled partners: other moulders, labs, parks, banks, with
overlapping words. None is an equally good answer to a labelled need (no second clean-room park,
EMC lab, serviced-apartment block or robot association), so the labels stay true at any size;
and none repeats a labelled partner's name.
"""

# Chinese text is written with full-width commas and brackets, ranges with an en dash.
# ruff: noqa: RUF001

import json
import random
from dataclasses import dataclass
from pathlib import Path

CT = "Cruise tourism"
GR = "Green and low-carbon technology"
RO = "Robotics and high-end manufacturing"
BIO = "Biopharma and synthetic biology"
NM = "New materials"
IT = "Next-generation information technology"
AP = "Automotive parts"

LABELLED = Path(__file__).resolve().with_name("partners.json")

# Towns and areas of Baoshan and its neighbours: (Chinese, pinyin).
PLACES = [
    ("罗店", "Luodian"), ("顾村", "Gucun"), ("杨行", "Yanghang"), ("月浦", "Yuepu"),
    ("大场", "Dachang"), ("淞南", "Songnan"), ("高境", "Gaojing"), ("庙行", "Miaohang"),
    ("罗泾", "Luojing"), ("友谊", "Youyi"), ("吴淞", "Wusong"), ("张庙", "Zhangmiao"),
    ("通河", "Tonghe"), ("泗塘", "Sitang"), ("美兰湖", "Meilan Lake"), ("南大", "Nanda"),
]  # fmt: skip
# Syllables of Chinese trade names with their pinyin; none of the labelled partners' (宝, 精,
# 联, 通...), so no padding name reads like a labelled partner's.
SYLLABLES = [
    ("华", "hua"), ("鑫", "xin"), ("锐", "rui"), ("恒", "heng"), ("博", "bo"), ("宏", "hong"),
    ("金", "jin"), ("泰", "tai"), ("盛", "sheng"), ("达", "da"), ("丰", "feng"), ("嘉", "jia"),
    ("瑞", "rui"), ("德", "de"), ("科", "ke"), ("创", "chuang"), ("新", "xin"), ("汇", "hui"),
    ("佳", "jia"), ("源", "yuan"), ("鼎", "ding"), ("远", "yuan"), ("航", "hang"), ("卓", "zhuo"),
    ("信", "xin"), ("安", "an"), ("捷", "jie"), ("凯", "kai"), ("立", "li"), ("晟", "sheng"),
    ("众", "zhong"), ("耀", "yao"), ("启", "qi"), ("润", "run"), ("昊", "hao"), ("铭", "ming"),
    ("翔", "xiang"), ("宇", "yu"), ("邦", "bang"), ("亿", "yi"), ("祥", "xiang"), ("弘", "hong"),
    ("兴", "xing"), ("和", "he"), ("沪", "hu"), ("申", "shen"), ("海", "hai"), ("东", "dong"),
]  # fmt: skip
# German family names of Mittelstand founders, with a usual Chinese transliteration.
GERMAN_NAMES = [
    ("Hofmann", "霍夫曼"), ("Schmidt", "施密特"), ("Weber", "韦伯"), ("Wagner", "瓦格纳"),
    ("Becker", "贝克"), ("Schulz", "舒尔茨"), ("Krause", "克劳斯"), ("Vogel", "福格尔"),
    ("Hartmann", "哈特曼"), ("Braun", "布劳恩"), ("Zimmermann", "齐默尔曼"), ("Klein", "克莱因"),
    ("Wolf", "沃尔夫"), ("Neumann", "诺伊曼"), ("Schwarz", "施瓦茨"), ("Keller", "凯勒"),
    ("Lorenz", "洛伦茨"), ("Bauer", "鲍尔"), ("Kühn", "库恩"), ("Lehmann", "雷曼"),
    ("Seidel", "赛德尔"), ("Haas", "哈斯"), ("Brandt", "勃兰特"), ("Winkler", "温克勒"),
]  # fmt: skip

# The partner's industry in descriptions (zh, en, de) and in names of associations (en).
INDUSTRY_WORDS = {
    CT: ("邮轮旅游", "cruise tourism", "Kreuzfahrttourismus", "Cruise"),
    GR: ("绿色低碳", "green and low-carbon technology", "grüne Technologien", "Green Technology"),
    RO: ("智能制造", "robotics and high-end manufacturing", "Robotik und Fertigung", "Robotics"),
    BIO: ("生物医药", "biopharma", "Biopharmazie", "Biomedicine"),
    NM: ("新材料", "new materials", "neue Werkstoffe", "New Materials"),
    IT: ("信息技术", "next-generation IT", "Informationstechnik", "Information Technology"),
    AP: ("汽车零部件", "automotive parts", "Automobilzulieferung", "Auto Parts"),
    None: ("先进制造", "advanced manufacturing", "moderne Fertigung", "Advanced Manufacturing"),
}


@dataclass
class Offer:
    """An offer template: variants of (title, description, keywords), each in one language."""

    kind: str
    variants: list[tuple[str, str, str]]  # keywords: the comma-separated candidates
    area: tuple[int, int] | None = None
    headcount: tuple[int, int] | None = None
    industries: list[str] | None = None  # None: the partner's own industry, if any


@dataclass
class Sector:
    """One line of business: its names (Chinese, English, German), descriptions and offers."""

    types: list[tuple[str, str, str]]  # (zh, en, de) names of the business type
    org_kind: str
    industries: list[str | None]  # picked from; repeated entries weight the choice
    descriptions: list[str]
    offers: list[Offer]
    style: str = "brand"  # brand: 上海鑫锐注塑有限公司; place: 罗店…产业园; bank; group
    weight: int = 2
    german: bool = False  # may be a German subsidiary


# One variant on a line or two reads as the table it is.
# fmt: off
SECTORS: list[Sector] = [
    # --- manufacturing suppliers: close to the labelled moulder, die caster, machinist... ---
    Sector(
        types=[("塑胶制品", "Plastic Products", "Kunststofftechnik"),
               ("注塑", "Injection Moulding", "Spritzguss"),
               ("日用塑料", "Household Plastics", "Haushaltskunststoffe")],
        org_kind="company", industries=[None, None, RO, IT], weight=5, german=True,
        descriptions=[
            "{n}台注塑机，主要为家电和日用品客户生产塑料件，成立于{year}年。",
            "Injection moulder for household appliances and consumer goods, {n}0 machines.",
            "Kunststoffspritzguss für Haushaltsgeräte und Konsumgüter, gegründet {year}.",
        ],
        offers=[
            Offer("supplier_capability", [
                ("家电塑料外壳注塑", "洗衣机、空调和小家电塑料外壳，锁模力90–650吨，可喷涂和丝印。",
                 "注塑, 家电外壳, 喷涂, 丝印, ABS"),
                ("Thin-wall packaging and housewares",
                 "High-speed thin-wall moulding of food containers, lids and storage boxes.",
                 "thin-wall, packaging, PP, in-mould labelling"),
                ("Kunststoffteile für Elektrowerkzeuge",
                 "Gehäuse und Griffe für Elektrowerkzeuge, Montage und Tampondruck im Haus.",
                 "Kunststoffteile, Tampondruck, Gehäuse, Montage"),
                ("医疗耗材注塑", "注射器、离心管等一次性耗材，十万级洁净注塑车间。",
                 "医疗耗材, 一次性, 离心管"),
            ]),
        ],
    ),
    Sector(
        types=[("锌合金压铸", "Zinc Die Casting", "Zinkdruckguss"),
               ("五金压铸", "Hardware Die Casting", "Beschlagguss")],
        org_kind="company", industries=[None, NM, None], weight=2,
        descriptions=[
            "锌合金和小型铝合金压铸件，用于卫浴、家具和灯具五金。",
            "Zinc and small aluminium die castings for bathroom fittings, furniture and lamps.",
        ],
        offers=[
            Offer("supplier_capability", [
                ("卫浴五金锌合金压铸", "龙头、把手等锌合金压铸及电镀，月产{n}0万件。",
                 "锌合金, 压铸, 卫浴五金, 电镀"),
                ("Die-cast lamp bodies",
                 "Aluminium lamp bodies and heat sinks up to 2 kg, powder coated.",
                 "lamp bodies, heat sinks, die casting"),
                ("Möbelbeschläge aus Zinkdruckguss", "Griffe und Beschläge, galvanisch veredelt.",
                 "Zinkdruckguss, Beschläge, Griffe"),
            ]),
        ],
    ),
    Sector(
        types=[("铸造", "Foundry", "Gießerei"), ("精密铸造", "Investment Casting", "Feinguss")],
        org_kind="company", industries=[NM, AP, None], weight=2, german=True,
        descriptions=[
            "铸铁件和熔模铸件生产企业，年产能{n}000吨。",
            "Grey and ductile iron castings and investment castings, {n},000 t a year.",
            "Gießerei für Grau- und Sphäroguss, {n}.000 t pro Jahr.",
        ],
        offers=[
            Offer("supplier_capability", [
                ("球墨铸铁件", "泵阀壳体、机床床身等铸铁件，单件5–3,000公斤。",
                 "铸铁, 球铁, 泵阀, 机床床身"),
                ("Investment castings in stainless steel",
                 "Lost-wax castings of 0.01–30 kg for valves and pumps.",
                 "investment casting, lost wax, stainless"),
                ("Sphäroguss für den Maschinenbau",
                 "Gussteile mit Vorbearbeitung, Modelle im Haus.",
                 "Sphäroguss, Grauguss, Modellbau"),
            ]),
        ],
    ),
    Sector(
        types=[("机械加工", "Machining", "Zerspanung"), ("五金机械", "Hardware Machinery",
               "Metallverarbeitung"), ("数控", "CNC", "CNC-Technik")],
        org_kind="company", industries=[RO, None, AP, None], weight=5, german=True,
        descriptions=[
            "拥有数控车床和三轴加工中心{n}0台，承接来图来样批量加工。",
            "Job shop for turned and milled parts in series, {n}0 CNC machines, ISO 9001.",
            "Lohnfertiger für Drehteile in Serie, {n}0 CNC-Maschinen.",
        ],
        offers=[
            Offer("supplier_capability", [
                ("来图批量车铣加工", "碳钢和铝件批量加工，批量500–50,000件，配三坐标检测。",
                 "车铣, 批量加工, 三坐标, 来图加工"),
                ("Large part machining", "Horizontal boring and gantry milling of parts up to 6 m.",
                 "large parts, boring, gantry milling"),
                ("Drehteile auf Langdrehern", "Serienfertigung von Drehteilen, Losgrößen ab 1.000.",
                 "Drehteile, Langdrehen, Serienfertigung"),
                ("Grinding of hardened parts", "Cylindrical and surface grinding, honing.",
                 "grinding, honing, hardened"),
            ]),
            Offer("other", [
                ("二手设备转让", "因产线升级，出售部分二手加工中心和车床。", "二手设备, 转让"),
                ("Used machine tools for sale", "Surplus machining centres after an upgrade.",
                 "used machines"),
            ]),
        ],
    ),
    Sector(
        types=[("钢结构", "Steel Structures", "Stahlbau"), ("重型焊接", "Heavy Welding",
               "Schweißtechnik")],
        org_kind="company", industries=[NM, None], weight=2, german=True,
        descriptions=[
            "钢结构和大型焊接件制造，持有钢结构工程资质。",
            "Steel structures and heavy weldments; welding certified to EN 1090.",
            "Stahlbau und Schweißkonstruktionen, Zertifikat nach EN 1090.",
        ],
        offers=[
            Offer("supplier_capability", [
                ("钢结构厂房及设备平台", "钢结构设计、制作和安装，年加工量{n}万吨。",
                 "钢结构, 平台, 安装"),
                ("Heavy weldments", "Machine bases up to 20 t, stress-relieved and machined.",
                 "weldments, machine bases"),
                ("Schweißkonstruktionen für Anlagenbau",
                 "Maschinengestelle bis 10 t, spannungsarm geglüht.",
                 "Schweißkonstruktionen, Maschinengestelle"),
            ]),
        ],
    ),
    Sector(
        types=[("冲压件", "Metal Stamping", "Stanztechnik"), ("五金冲压", "Pressed Parts",
               "Stanzteile")],
        org_kind="company", industries=[AP, None], weight=2,
        descriptions=["五金冲压件生产，冲床{n}0台，60–400吨。",
                      "Stamped metal parts, {n}0 presses of 60 to 400 t."],
        offers=[
            Offer("supplier_capability", [
                ("支架与卡扣冲压", "级进模冲压支架、卡扣和屏蔽罩。", "冲压, 支架, 屏蔽罩"),
                ("Stamped brackets and clips", "Progressive-die stamping, coil-fed presses.",
                 "stamping, brackets, presses"),
            ]),
        ],
    ),
    Sector(
        types=[("线路板", "Circuit Boards", "Leiterplatten"), ("电路板", "PCB", "Leiterplatten")],
        org_kind="company", industries=[IT, IT, None], weight=2, german=True,
        descriptions=["印制电路板裸板生产，双面到十二层板。",
                      "Bare printed circuit boards, double-sided to 12 layers.",
                      "Leiterplattenhersteller (unbestückt), Muster in 48 Stunden."],
        offers=[
            Offer("supplier_capability", [
                ("PCB裸板打样与批量", "FR-4多层板、铝基板，最小线宽0.075 mm，快板48小时。",
                 "PCB, 多层板, 铝基板, 打样"),
                ("Unbestückte Leiterplatten", "Starr, flex und starrflex, HDI bis 12 Lagen.",
                 "Leiterplatten, HDI, flex"),
                ("Bare board fabrication", "Quick-turn prototypes and volume boards.",
                 "bare boards, quick-turn"),
            ]),
        ],
    ),
    Sector(
        types=[("电源", "Power Supplies", "Stromversorgungen"), ("照明电子", "Lighting Electronics",
               "Lichttechnik")],
        org_kind="company", industries=[IT, None, GR], weight=2,
        descriptions=["电源和LED驱动生产企业。", "Maker of power supplies and LED drivers."],
        offers=[
            Offer("supplier_capability", [
                ("Power supplies to customer design", "AC/DC and DC/DC supplies, burn-in tested.",
                 "power supply, AC/DC, burn-in"),
                ("LED驱动电源", "LED驱动和灯板，月产{n}0万套。", "LED, 驱动电源, 灯板"),
            ]),
        ],
    ),
    Sector(
        types=[("线缆", "Cables", "Kabel"), ("连接器", "Connectors", "Steckverbinder")],
        org_kind="company", industries=[IT, None], weight=2,
        descriptions=["消费电子数据线和连接器生产企业。",
                      "Data cables and connectors for consumer electronics."],
        offers=[
            Offer("supplier_capability", [
                ("USB和HDMI数据线", "消费电子数据线、充电线，月产{n}00万条。", "数据线, USB, HDMI"),
                ("Board-to-board connectors", "Fine-pitch connectors for phones and tablets.",
                 "connectors, fine pitch"),
            ]),
        ],
    ),
    Sector(
        types=[("冲压模具", "Stamping Dies", "Stanzwerkzeuge"), ("检具", "Checking Fixtures",
               "Prüfmittelbau")],
        org_kind="company", industries=[AP, AP, None], weight=3, german=True,
        descriptions=[
            "冲压模具和检具设计制造，客户为汽车冲压件厂。",
            "Progressive and transfer dies and checking fixtures for stamping plants.",
            "Folgeverbundwerkzeuge und Prüflehren für Presswerke.",
        ],
        offers=[
            Offer("supplier_capability", [
                ("级进模与拉伸模", "最大模具长度3.5米，配套冲压试生产。", "级进模, 拉伸模, 冲压"),
                ("Checking fixtures and gauges", "CMM-certified checking fixtures for body panels.",
                 "checking fixtures, gauges, CMM"),
                ("Stanzwerkzeuge", "Folgeverbund- und Transferwerkzeuge bis 3 m.",
                 "Folgeverbund, Transferwerkzeug"),
            ]),
        ],
    ),
    Sector(
        types=[("热处理", "Heat Treatment", "Härterei")],
        org_kind="company", industries=[NM, AP, None], weight=2, german=True,
        descriptions=["热处理加工企业，可控气氛多用炉{n}台。",
                      "Heat treatment job shop with {n} sealed-quench furnaces.",
                      "Lohnhärterei für Zulieferer."],
        offers=[
            Offer("services", [
                ("渗碳淬火与氮化", "零件最大长度2米，提供硬度和层深检测报告。",
                 "渗碳, 淬火, 氮化, 硬度"),
                ("Vacuum hardening", "Vacuum hardening and tempering of tool steels.",
                 "vacuum hardening, tempering"),
                ("Einsatzhärten und Nitrieren", "Serienhärterei mit Prüfprotokollen.",
                 "Einsatzhärten, Nitrieren"),
            ]),
        ],
    ),
    Sector(
        types=[("电镀", "Electroplating", "Galvanik"), ("表面处理", "Surface Finishing",
               "Oberflächentechnik")],
        org_kind="company", industries=[None, AP], weight=2,
        descriptions=["电镀和阳极氧化加工，持有排污许可证。",
                      "Plating and anodising job shop, licensed for effluent."],
        offers=[
            Offer("services", [
                ("镀锌镍与钝化", "锌镍合金电镀，适用于紧固件。", "镀锌镍, 钝化, 电镀"),
                ("Hard anodising", "Type III hard anodising and colour anodising.", "anodising"),
                ("Galvanische Beschichtung", "Verzinken, Vernickeln, Verchromen.",
                 "Verzinken, Vernickeln"),
            ]),
        ],
    ),
    Sector(
        types=[("橡胶密封件", "Rubber Seals", "Dichtungstechnik"), ("橡塑", "Rubber and Plastics",
               "Elastomertechnik")],
        org_kind="company", industries=[AP, None], weight=2, german=True,
        descriptions=["橡胶密封件生产企业。", "Maker of rubber seals and gaskets.",
                      "Hersteller von Dichtungen und Formteilen aus Elastomer."],
        offers=[
            Offer("supplier_capability", [
                ("O型圈及异形密封件", "NBR、FKM、EPDM材料，支持小批量开模。",
                 "密封件, O型圈, 氟橡胶"),
                ("EPDM profiles", "Extruded profiles and seals for doors and enclosures.",
                 "EPDM, profiles, extrusion"),
                ("Dichtungen und Formteile", "O-Ringe und Formteile aus NBR und FKM.",
                 "O-Ringe, Formteile"),
            ]),
        ],
    ),
    Sector(
        types=[("紧固件", "Fasteners", "Verbindungstechnik"), ("标准件", "Standard Parts",
               "Normteile")],
        org_kind="company", industries=[AP, None], weight=2, german=True,
        descriptions=["紧固件生产和分销。", "Fasteners: cold heading and distribution."],
        offers=[
            Offer("supplier_capability", [
                ("冷镦螺栓螺钉", "8.8级和10.9级螺栓，达克罗表面。", "螺栓, 冷镦, 达克罗"),
                ("Standard and special fasteners", "Cold-headed screws and special bolts.",
                 "fasteners, screws, cold heading"),
            ]),
        ],
    ),
    Sector(
        types=[("包装材料", "Packaging", "Verpackung"), ("包装制品", "Packaging Products",
               "Verpackungsmittel")],
        org_kind="company", industries=[None], weight=2,
        descriptions=["工业包装生产企业。", "Industrial packaging maker."],
        offers=[
            Offer("supplier_capability", [
                ("瓦楞纸箱和周转箱", "瓦楞包装、塑料周转箱和托盘。", "纸箱, 周转箱, 托盘"),
                ("Exportverpackung", "Holzkisten und Korrosionsschutzverpackung für Maschinen.",
                 "Holzkisten, VCI, Exportverpackung"),
                ("Returnable packaging", "Foldable containers and dunnage for parts.",
                 "returnable, dunnage"),
            ]),
        ],
    ),
    Sector(
        types=[("快速成型", "Rapid Prototyping", "Prototypenbau")],
        org_kind="company", industries=[None, RO], weight=1,
        descriptions=["塑料样件快速成型：SLA、SLS和真空复模。",
                      "Plastic prototypes by SLA, SLS and vacuum casting."],
        offers=[
            Offer("supplier_capability", [
                ("SLA光固化与真空复模", "塑料手板和小批量复模件，3天交货。", "手板, 光固化, 复模"),
                ("Plastic prototypes", "SLS nylon parts and silicone-mould castings.",
                 "prototypes, SLS, vacuum casting"),
            ]),
        ],
    ),
    # --- logistics --------------------------------------------------------------------------
    Sector(
        types=[("物流", "Logistics", "Logistik"), ("运输", "Transport", "Transporte")],
        org_kind="company", industries=[None, None, AP], weight=4,
        descriptions=["公路运输企业，自有车队{n}0辆，覆盖长三角。",
                      "Road haulage in the Yangtze River Delta, {n}0 trucks."],
        offers=[
            Offer("distribution", [
                ("整车与零担运输", "长三角整车、零担运输，GPS全程追踪。", "整车, 零担, 运输"),
                ("Full and part truckloads",
                 "Daily part loads between Shanghai, Suzhou and Hangzhou.",
                 "FTL, LTL, trucking"),
                ("危险品运输", "持危险品道路运输许可证。", "危险品运输, 危化品"),
            ]),
        ],
    ),
    Sector(
        types=[("国际货运代理", "Freight Forwarding", "Spedition"), ("报关", "Customs Brokerage",
               "Zollagentur")],
        org_kind="company", industries=[None], weight=3, german=True,
        descriptions=["国际货运代理和报关，服务进出口制造企业。",
                      "Sea and air freight, customs brokerage in Shanghai.",
                      "Spedition für See- und Luftfracht, Verzollung in Shanghai."],
        offers=[
            Offer("distribution", [
                ("海运空运代理", "欧洲航线整箱和拼箱，空运包板。", "海运, 拼箱, 空运"),
                ("Sea and air freight to Europe", "FCL/LCL and air freight, door to door.",
                 "FCL, LCL, air freight"),
                ("Import- und Exportverzollung", "Zollabwicklung und HS-Tarifierung.",
                 "Verzollung, Tarifierung"),
            ]),
        ],
    ),
    Sector(
        types=[("冷链", "Cold Chain", "Kühllogistik"), ("生鲜供应链", "Fresh Food Supply Chain",
               "Frischelogistik")],
        org_kind="company", industries=[None], weight=2,
        descriptions=["冷链仓储和城市配送，服务餐饮连锁和商超。",
                      "Cold stores and refrigerated trucks for restaurants and supermarkets."],
        offers=[
            Offer("distribution", [
                ("冷冻冷藏仓储与门店配送", "-18 °C冷冻库和0–4 °C冷藏库，日配门店{n}00家。",
                 "冷冻, 冷藏, 门店配送, 生鲜"),
                ("Chilled delivery for restaurant chains",
                 "Frozen and chilled delivery in Shanghai.",
                 "frozen, chilled, restaurant chains"),
            ]),
        ],
    ),
    # --- testing labs (none of the labelled labs' specialities) ----------------------------
    Sector(
        types=[("计量校准", "Calibration", "Kalibrierung"), ("计量检测", "Metrology",
               "Messtechnik")],
        org_kind="company", industries=[None, None, RO], weight=2, german=True,
        descriptions=["计量校准机构，ISO/IEC 17025认可。",
                      "Calibration lab accredited to ISO/IEC 17025."],
        offers=[
            Offer("services", [
                ("量具仪器校准", "扭力扳手、卡尺、压力表和三坐标的现场与实验室校准。",
                 "校准, 扭力扳手, 三坐标, 量具"),
                ("Calibration of gauges and instruments",
                 "On-site and lab calibration, 17025 certificates.",
                 "calibration, ISO 17025, gauges"),
                ("Kalibrierung von Messmitteln",
                 "Drehmoment, Druck, Temperatur und Längenmesstechnik.",
                 "Kalibrierung, Drehmoment, Messmittel"),
            ]),
        ],
    ),
    Sector(
        types=[("环境检测", "Environmental Testing", "Umweltanalytik"), ("化学分析",
               "Chemical Analysis", "Chemische Analytik")],
        org_kind="company", industries=[None, GR, None], weight=3,
        descriptions=["第三方检测机构，具备CMA资质。", "Third-party lab with CMA accreditation."],
        offers=[
            Offer("services", [
                ("环境监测", "废水、废气、噪声和土壤检测，出具CMA报告。",
                 "环境监测, 废水, 废气, CMA"),
                ("RoHS and REACH screening",
                 "Lead, mercury, cadmium and SVHC testing of components.", "RoHS, REACH, SVHC"),
                ("食品接触材料检测", "迁移试验和食品理化检测。", "食品接触, 迁移试验"),
                ("Schadstoffprüfung", "RoHS- und REACH-Prüfungen nach IEC 62321.", "RoHS, REACH"),
            ]),
        ],
    ),
    Sector(
        types=[("可靠性试验", "Reliability Testing", "Umweltsimulation")],
        org_kind="company", industries=[AP, IT, None], weight=2,
        descriptions=["环境可靠性试验室，成立于{year}年。", "Reliability test lab since {year}."],
        offers=[
            Offer("services", [
                ("高低温与振动试验", "高低温、湿热、振动和冲击试验，满足汽车电子标准。",
                 "高低温, 振动, 冲击"),
                ("Climate and vibration testing",
                 "Temperature, humidity and vibration to IEC 60068.",
                 "climate chamber, vibration, IEC 60068"),
            ]),
        ],
    ),
    Sector(
        types=[("无损检测", "NDT", "Zerstörungsfreie Prüfung")],
        org_kind="company", industries=[None, NM], weight=1, german=True,
        descriptions=["无损检测服务，持有特种设备检测资质。", "Non-destructive testing on site."],
        offers=[
            Offer("services", [
                ("焊缝超声与射线检测", "压力容器和钢结构焊缝无损检测。", "超声, 射线, 焊缝"),
                ("Ultraschall- und Röntgenprüfung", "ZfP an Schweißnähten und Gussteilen vor Ort.",
                 "Ultraschall, Röntgen, ZfP"),
            ]),
        ],
    ),
    Sector(
        types=[("纺织品检测", "Textile Testing", "Textilprüfung")],
        org_kind="company", industries=[None], weight=1,
        descriptions=["纺织品和皮革检测实验室。", "Textile and leather testing lab."],
        offers=[
            Offer("services", [
                ("纺织品色牢度和燃烧性能", "纺织品、皮革的色牢度、强力和阻燃测试。",
                 "色牢度, 阻燃, 纺织品"),
                ("Textile testing", "Colour fastness, tensile strength and flammability.",
                 "colour fastness, flammability"),
            ]),
        ],
    ),
    # --- parks and offices: other parks, none with clean rooms, cranes or fab utilities -----
    Sector(
        types=[("科技园", "Science and Technology Park", "Technologiepark"),
               ("工业园", "Industrial Park", "Industriepark"),
               ("创新园", "Innovation Park", "Innovationspark"),
               ("产业园", "Industry Park", "Gewerbepark")],
        org_kind="industrial_park", style="place",
        industries=[RO, NM, AP, IT, BIO, GR, None, None], weight=12,
        descriptions=[
            "园区占地{n}00亩，已入驻企业{n}0余家，重点发展{industry_zh}。",
            "Park of {n}0 hectares with flatted factories and offices; focus on "
            "{industry_en_lower}.",
            "Gewerbepark mit Geschossbauten und Büros, Schwerpunkt {industry_de}.",
        ],
        offers=[
            Offer("factory_space", [
                ("多层标准厂房出租", "多层厂房，一层承重1吨/平方米，货梯3吨，层高5.4米。",
                 "多层厂房, 货梯, 承重, 出租"),
                ("Flatted factory units",
                 "Units on upper floors with goods lifts, 5 m ceiling height.",
                 "flatted factory, goods lift, units"),
                ("Geschossflächen für leichte Montage",
                 "Etagenflächen mit Lastenaufzug, 5 m Raumhöhe.",
                 "Etagenflächen, Lastenaufzug"),
                ("小型独栋厂房", "两层独栋，适合轻加工和研发中试。", "独栋, 轻加工"),
            ], area=(800, 8000)),
            Offer("office_space", [
                ("园区研发办公楼", "办公面积100–2,000平方米，简装交付。", "研发楼, 办公, 简装"),
                ("Park office building", "Offices of 100–2,000 m² next to the factory units.",
                 "offices, R&D building"),
            ], area=(100, 2000)),
            Offer("subsidy_scheme", [
                ("入园企业扶持政策", "对新入驻企业给予租金减免和区级税收奖励。", "租金减免, 奖励"),
                ("Incentives for new tenants", "Rent-free period and fit-out contributions.",
                 "rent-free, fit-out"),
                ("Ansiedlungsförderung", "Mietfreie Zeit und Zuschüsse zum Ausbau.", "Zuschuss"),
            ]),
            Offer("lab_space", [
                ("电子与材料实验室单元", "干法实验室，配电和排风，适合电子、材料测试。",
                 "实验室, 排风, 干法"),
                ("Dry labs for electronics",
                 "Lab units with ESD floors and power, no wet chemistry.", "dry lab, ESD"),
            ], area=(100, 1000)),
            Offer("events", [
                ("园区路演与展厅", "园区展厅和路演厅可供入驻企业使用。", "展厅, 路演"),
            ]),
        ],
    ),
    Sector(
        types=[("商务大厦", "Business Building", "Bürohaus"), ("写字楼", "Office Tower",
               "Bürogebäude")],
        org_kind="company", style="place", industries=[None], weight=3,
        descriptions=["位于{place}的乙级写字楼，近地铁。",
                      "Grade-B office building in {place_en}, close to the metro."],
        offers=[
            Offer("office_space", [
                ("乙级写字楼整层出租", "标准层{n}00平方米，毛坯或简装，租期三年起。",
                 "整层, 写字楼, 毛坯"),
                ("Grade-B office floors",
                 "Whole floors for back offices and call centres, 3-year lease.",
                 "office floors, back office"),
                ("Büroetagen", "Ganze Etagen, Mindestmietdauer drei Jahre.", "Büroetagen"),
            ], area=(400, 2500)),
        ],
    ),
    # --- life sciences ----------------------------------------------------------------------
    Sector(
        types=[("医药研发", "Pharma R&D Services", "Pharmaforschung")],
        org_kind="company", industries=[BIO], weight=2,
        descriptions=["临床前研究服务企业，研究团队{n}0人。",
                      "Preclinical research services, {n}0 scientists."],
        offers=[
            Offer("services", [
                ("临床前药效与药代研究", "药效学、药代动力学和毒理学研究。", "临床前, 药代, 毒理"),
                ("Preclinical pharmacology",
                 "In-vitro and in-vivo pharmacology and DMPK studies.",
                 "preclinical, DMPK, pharmacology"),
            ]),
        ],
    ),
    Sector(
        types=[("医疗器械", "Medical Equipment", "Medizintechnik"),
               ("生命科学仪器", "Life Science Instruments", "Laborgeräte")],
        org_kind="company", industries=[BIO, None], weight=3, german=True,
        descriptions=["医疗器械和实验仪器经营企业，持有二类、三类经营许可证。",
                      "Distributor of lab instruments and medical equipment in East China.",
                      "Vertrieb und Service von Laborgeräten in Ostchina."],
        offers=[
            Offer("distribution", [
                ("医疗器械代理经销", "覆盖华东地区{n}0家医院的经销网络。", "经销, 代理, 医院"),
                ("Distribution of lab instruments",
                 "Sales, demo lab and service for lab instruments.",
                 "distribution, lab instruments, service"),
                ("Vertrieb von Laborgeräten", "Vertriebs- und Servicenetz mit Demolabor.",
                 "Vertrieb, Laborgeräte"),
                ("试剂耗材分销", "生物试剂和实验耗材分销。", "试剂, 耗材"),
            ]),
        ],
    ),
    # --- IT ---------------------------------------------------------------------------------
    Sector(
        types=[("软件", "Software", "Software"), ("信息技术", "Information Technology",
               "Informationstechnik"), ("数字科技", "Digital Technology", "Digitaltechnik")],
        org_kind="company", industries=[IT, IT, None, RO], weight=5, german=True,
        descriptions=["软件和信息服务企业，为制造业提供数字化解决方案。",
                      "IT services for manufacturers: MES, ERP integration and outsourcing.",
                      "IT-Dienstleister für Industrieunternehmen, {n}0 Mitarbeiter."],
        offers=[
            Offer("services", [
                ("MES系统实施", "为离散制造企业实施MES和WMS系统。", "MES, WMS, 数字化"),
                ("SAP and ERP integration",
                 "ERP roll-outs for Chinese subsidiaries, shop-floor links.", "SAP, ERP, roll-out"),
                ("IT-Betreuung", "Betreuung von Netzwerken, Servern und Arbeitsplätzen.",
                 "IT-Betreuung, Netzwerk"),
                ("网络安全咨询", "渗透测试和安全运维。", "渗透测试, 安全运维"),
                ("Cloud migration", "Move to Chinese cloud providers, ICP filing.", "cloud, ICP"),
            ]),
        ],
    ),
    # --- automation (no welding integrators, no pilot users of robot parts) -----------------
    Sector(
        types=[("自动化", "Automation", "Automatisierung"), ("智能装备", "Intelligent Equipment",
               "Sondermaschinenbau")],
        org_kind="company", industries=[RO, RO, AP, None], weight=4, german=True,
        descriptions=["非标自动化设备设计制造，客户涵盖汽车、3C和新能源行业。",
                      "Special-purpose machines for car makers, battery plants and electronics.",
                      "Sondermaschinenbau für Automobil-, Batterie- und Elektronikindustrie."],
        offers=[
            Offer("supplier_capability", [
                ("非标自动化装配线", "装配线、检测设备和包装线的设计制造。",
                 "非标, 装配线, 自动化"),
                ("Palletising and handling cells",
                 "Robot palletising, depalletising and bin picking.",
                 "palletising, bin picking, handling"),
                ("Montage- und Prüfanlagen", "Sondermaschinen nach Kundenspezifikation.",
                 "Sondermaschinen, Prüfanlagen"),
                ("AGV/AMR搬运机器人", "厂内物流AMR及调度软件。", "AGV, AMR, 调度"),
            ]),
        ],
    ),
    Sector(
        types=[("机器视觉", "Machine Vision", "Bildverarbeitung")],
        org_kind="company", industries=[RO, IT], weight=2,
        descriptions=["工业视觉检测方案供应商。", "Machine vision inspection systems."],
        offers=[
            Offer("supplier_capability", [
                ("视觉检测系统", "基于深度学习的外观缺陷检测。", "视觉检测, 缺陷检测"),
                ("Vision inspection", "Inline surface and dimension inspection.",
                 "vision, inspection"),
            ]),
        ],
    ),
    Sector(
        types=[("传动", "Drive Technology", "Antriebstechnik"), ("精密传动", "Precision Drives",
               "Präzisionsantriebe")],
        org_kind="company", industries=[RO], weight=2, german=True,
        descriptions=["机器人关节减速器和伺服产品制造商。",
                      "Reducers and servo drives for robots."],
        offers=[
            Offer("supplier_capability", [
                ("精密减速器", "RV和谐波减速器，用于六轴机器人关节。", "RV减速器, 谐波"),
                ("Servo drives and motors", "Servo drives and motors from 50 W to 15 kW.",
                 "servo, drives, motors"),
            ]),
        ],
    ),
    # --- materials (no stainless, coatings or composites suppliers) -------------------------
    Sector(
        types=[("高分子材料", "Polymer Materials", "Polymerwerkstoffe"), ("改性塑料",
               "Engineering Compounds", "Compounds")],
        org_kind="company", industries=[NM, NM, AP], weight=2, german=True,
        descriptions=["改性塑料研发生产，拥有发明专利{n}项。",
                      "Engineering compounds, {n} patents.", "Hersteller technischer Compounds."],
        offers=[
            Offer("supplier_capability", [
                ("改性塑料粒子", "阻燃、增强、增韧改性PA、PBT、PC。", "改性塑料, 阻燃, 增强"),
                ("Engineering compounds",
                 "Glass-filled and flame-retardant compounds, colour matching.",
                 "compounds, flame retardant, colour matching"),
            ]),
            Offer("research_cooperation", [
                ("材料配方联合开发", "与客户共同开发定制配方。", "配方, 联合开发"),
                ("Joint material development", "Custom formulations developed with customers.",
                 "formulation"),
            ]),
        ],
    ),
    Sector(
        types=[("特种陶瓷", "Advanced Ceramics", "Hochleistungskeramik")],
        org_kind="company", industries=[NM], weight=1,
        descriptions=["精密陶瓷结构件生产企业。",
                      "Technical ceramics for electronics and machines."],
        offers=[
            Offer("supplier_capability", [
                ("氧化锆陶瓷结构件", "氧化铝、氧化锆陶瓷结构件和基板。", "陶瓷, 氧化锆, 基板"),
                ("Ceramic substrates", "Alumina and AlN substrates for power electronics.",
                 "alumina, AlN, substrates"),
            ]),
        ],
    ),
    Sector(
        types=[("石墨烯", "Graphene", "Graphen"), ("纳米材料", "Nanomaterials", "Nanomaterialien")],
        org_kind="company", industries=[NM, GR], weight=1,
        descriptions=["石墨烯和纳米导电材料企业。", "Graphene and nano conductive materials."],
        offers=[
            Offer("supplier_capability", [
                ("Graphene conductive additives", "Additives for batteries and coatings.",
                 "graphene, conductive additives"),
                ("导热石墨膜", "手机和电池用导热石墨膜。", "导热膜, 石墨"),
            ]),
        ],
    ),
    Sector(
        types=[("铝业", "Aluminium", "Aluminium"), ("铝型材", "Aluminium Profiles",
               "Aluminiumprofile")],
        org_kind="company", industries=[NM, AP], weight=2, german=True,
        descriptions=["铝合金挤压型材生产企业。", "Aluminium extrusions and fabrication."],
        offers=[
            Offer("supplier_capability", [
                ("铝合金挤压型材", "6063/6061挤压型材，可做深加工和阳极氧化。",
                 "型材, 挤压, 6063"),
                ("Aluminiumprofile mit Bearbeitung", "Strangpressprofile, gesägt und gefräst.",
                 "Strangpressprofile, Aluminium"),
            ]),
        ],
    ),
    Sector(
        types=[("钢材贸易", "Steel Trading", "Stahlhandel"), ("钢板加工", "Steel Service Centre",
               "Stahl-Service-Center")],
        org_kind="company", industries=[NM, None], weight=2,
        descriptions=["碳钢板卷贸易和剪切配送。", "Carbon steel coil trading and processing."],
        offers=[
            Offer("supplier_capability", [
                ("冷轧镀锌板卷配送", "冷轧板、镀锌板开平纵剪，配送到冲压厂。",
                 "冷轧, 镀锌, 开平, 纵剪"),
                ("Cold-rolled and galvanised coil",
                 "Cut-to-length carbon steel coil for stamping plants.",
                 "cold-rolled, galvanised, coil"),
            ]),
        ],
    ),
    Sector(
        types=[("热管理材料", "Thermal Materials", "Wärmemanagement")],
        org_kind="company", industries=[NM, IT], weight=1, german=True,
        descriptions=["电子导热界面材料。", "Thermal interface materials for electronics."],
        offers=[
            Offer("supplier_capability", [
                ("Wärmeleitmaterialien", "Wärmeleitpads und Gap-Filler für Elektronik.",
                 "Wärmeleitpads, Gap-Filler"),
                ("导热垫片", "导热垫片和导热凝胶。", "导热垫片, 凝胶"),
            ]),
        ],
    ),
    # --- green (no PV investors, carbon accountants or battery recyclers) -------------------
    Sector(
        types=[("环保工程", "Environmental Engineering", "Umwelttechnik"), ("水处理",
               "Water Treatment", "Wasseraufbereitung")],
        org_kind="company", industries=[GR, GR, None], weight=3, german=True,
        descriptions=["环保工程企业，已完成项目{n}0余个。",
                      "Environmental engineering, more than {n}0 projects in East China.",
                      "Umwelttechnik mit über {n}0 Projekten in Ostchina."],
        offers=[
            Offer("services", [
                ("工业废水处理工程", "电镀、化工废水处理设计施工和运营。",
                 "废水处理, 电镀废水, 运营"),
                ("Wastewater treatment plants",
                 "Design-build and operation of industrial effluent plants.",
                 "wastewater, effluent, design-build"),
                ("VOCs废气治理", "RTO、活性炭吸附和催化燃烧。", "VOCs, RTO, 废气"),
                ("Abluftreinigung", "Thermische Nachverbrennung und Aktivkohle.", "Abluft, RTO"),
            ]),
        ],
    ),
    Sector(
        types=[("充电科技", "EV Charging", "Ladeinfrastruktur")],
        org_kind="company", industries=[GR, AP], weight=2,
        descriptions=["充电桩制造和运营企业。", "EV chargers and charging operations."],
        offers=[
            Offer("supplier_capability", [
                ("充电桩及运营平台", "直流快充桩和交流桩，含运营平台。", "充电桩, 快充, 运营平台"),
                ("Fleet charging", "Depot charging for bus and truck fleets.",
                 "fleet charging, depot"),
            ]),
        ],
    ),
    Sector(
        types=[("储能", "Energy Storage", "Energiespeicher")],
        org_kind="company", industries=[GR], weight=1, german=True,
        descriptions=["储能系统集成商。", "Battery energy storage integrator."],
        offers=[
            Offer("supplier_capability", [
                ("Containerised battery storage", "Storage systems of 200 kWh to 5 MWh.",
                 "battery storage, containerised"),
                ("Batteriespeicher für Gewerbe", "Speicher für Lastspitzenkappung.",
                 "Batteriespeicher, Lastspitzen"),
            ]),
        ],
    ),
    Sector(
        types=[("节能设备", "Energy-Saving Equipment", "Energietechnik")],
        org_kind="company", industries=[GR, None], weight=1, german=True,
        descriptions=["空压站和工业炉节能设备。",
                      "Energy-saving equipment for compressors and furnaces."],
        offers=[
            Offer("supplier_capability", [
                ("空压机节能改造", "空压站变频改造和余热回收。", "空压机, 变频, 余热回收"),
                ("Wärmerückgewinnung", "Abwärmenutzung an Kompressoren und Öfen.",
                 "Wärmerückgewinnung, Abwärme"),
            ]),
        ],
    ),
    # --- finance (no cross-border treasury, trade finance or venture capital) ---------------
    Sector(
        types=[("农商银行", "Rural Commercial Bank", "Bank"), ("村镇银行", "Village Bank", "Bank")],
        org_kind="bank", style="bank", industries=[None], weight=3,
        descriptions=["商业银行的{place}支行，服务区内小微企业和个人客户。",
                      "{place_en} sub-branch serving local small businesses and households."],
        offers=[
            Offer("finance", [
                ("小微企业信用贷", "面向本地小微企业的信用贷款和抵押贷款。",
                 "小微企业, 信用贷, 抵押"),
                ("知识产权质押贷款", "以专利、商标质押融资。", "知识产权质押, 专利"),
                ("Loans for local small businesses", "Secured on property or receivables.",
                 "small business loans"),
                ("个人住房贷款", "", "房贷"),
            ]),
        ],
    ),
    Sector(
        types=[("融资租赁", "Financial Leasing", "Leasing")],
        org_kind="company", industries=[None, RO], weight=2,
        descriptions=["融资租赁公司，服务制造业企业。", "Leasing company for manufacturers."],
        offers=[
            Offer("finance", [
                ("设备融资租赁", "售后回租和直租，期限2–5年。", "融资租赁, 回租, 直租"),
                ("Equipment leasing", "Finance leases for machines and production lines.",
                 "leasing, finance lease"),
            ]),
        ],
    ),
    Sector(
        types=[("保险经纪", "Insurance Brokerage", "Versicherungsmakler")],
        org_kind="company", industries=[None], weight=1, german=True,
        descriptions=["保险经纪公司。", "Insurance broker for industrial clients."],
        offers=[
            Offer("finance", [
                ("企业财产险与责任险", "财产一切险、产品责任险和货运险方案。",
                 "财产险, 责任险, 货运险"),
                ("Industrieversicherungen", "Sach-, Haftpflicht- und Transportversicherung.",
                 "Versicherung, Haftpflicht"),
            ]),
        ],
    ),
    # --- professional services (no labour law, bookkeeping, patents or headhunting) ---------
    Sector(
        types=[("律师事务所", "Law Firm", "Kanzlei")],
        org_kind="company", industries=[None], weight=2, german=True,
        descriptions=["综合性律师事务所，擅长公司并购和房地产。",
                      "Law firm for corporate, M&A and real estate."],
        offers=[
            Offer("services", [
                ("公司并购法律服务", "尽职调查、股权转让和合资谈判。", "并购, 尽职调查, 合资"),
                ("Real estate and construction law",
                 "Land use rights, leases and construction contracts.",
                 "real estate, land use rights"),
                ("M&A-Beratung", "Due Diligence und Transaktionsbegleitung.", "M&A, Due Diligence"),
            ]),
        ],
    ),
    Sector(
        types=[("会计师事务所", "Certified Public Accountants", "Wirtschaftsprüfung")],
        org_kind="company", industries=[None], weight=2,
        descriptions=["会计师事务所，提供审计和转让定价服务。",
                      "Audit firm: statutory audits and transfer pricing."],
        offers=[
            Offer("services", [
                ("年度审计", "法定年度审计和专项审计。", "审计, 年审"),
                ("Transfer pricing documentation", "Local files and master files for groups.",
                 "transfer pricing, local file"),
                ("Jahresabschlussprüfung", "Prüfung nach chinesischen Rechnungslegungsstandards.",
                 "Abschlussprüfung"),
            ]),
        ],
    ),
    Sector(
        types=[("企业管理咨询", "Management Consulting", "Unternehmensberatung")],
        org_kind="company", industries=[None], weight=2, german=True,
        descriptions=["管理咨询机构，服务企业{n}00余家。", "Consultancy serving {n}00 clients."],
        offers=[
            Offer("services", [
                ("市场调研与竞品分析", "行业研究、竞品分析和渠道调研。", "市场调研, 竞品分析"),
                ("Market entry studies", "Market sizing and competitor analysis.", "market study"),
                ("Lean-Beratung", "Wertstromanalyse und Shopfloor-Management.", "Lean"),
            ]),
            Offer("events", [
                ("行业研讨会", "每年举办{n}场专题研讨会。", "研讨会"),
                ("Seminars and workshops", "Seminars on market and industry topics.", "seminars"),
            ]),
        ],
    ),
    Sector(
        types=[("翻译", "Translation", "Übersetzungen")],
        org_kind="company", industries=[None], weight=1,
        descriptions=["翻译和口译服务。", "Translation and interpreting."],
        offers=[
            Offer("services", [
                ("技术文件翻译", "中德英技术文件翻译和本地化。", "翻译, 本地化"),
                ("Dolmetschen", "Konsekutiv- und Simultandolmetschen.", "Dolmetschen"),
            ]),
        ],
    ),
    Sector(
        types=[("会展服务", "Exhibition Services", "Messeservice")],
        org_kind="company", industries=[None, CT], weight=1,
        descriptions=["展台设计搭建和展会服务。", "Stand design and trade fair services."],
        offers=[
            Offer("services", [
                ("展台设计搭建", "展台设计、搭建和展会期间服务。", "展台, 搭建"),
                ("Trade fair stands", "Design and build of stands at Shanghai fairs.",
                 "stands, trade fairs"),
            ]),
        ],
    ),
    Sector(
        types=[("品牌策划", "Brand Marketing", "Marketingagentur")],
        org_kind="company", industries=[None], weight=1,
        descriptions=["B2B品牌和数字营销机构。", "B2B brand and digital marketing agency."],
        offers=[
            Offer("services", [
                ("Digital marketing in China", "WeChat, Douyin and trade media campaigns.",
                 "WeChat, Douyin, B2B marketing"),
                ("品牌推广与公关", "新闻发布和媒体关系。", "公关, 媒体"),
            ]),
        ],
    ),
    Sector(
        types=[("劳务派遣", "Labour Dispatch", "Arbeitnehmerüberlassung")],
        org_kind="company", industries=[None], weight=2,
        descriptions=["为工厂提供普工派遣和生产外包。",
                      "Production workers on dispatch contracts for factories."],
        offers=[
            Offer("services", [
                ("普工派遣与生产外包", "旺季用工、普工派遣和岗位外包。", "普工, 派遣, 外包"),
                ("Blue-collar staffing", "Temporary operators for peak seasons.",
                 "temporary workers, operators"),
            ], headcount=(20, 500)),
        ],
    ),
    # --- hospitality, cruise, training (no furnished long-stay flats, no large venues) ------
    Sector(
        types=[("酒店", "Hotel", "Hotel"), ("商务酒店", "Business Hotel", "Businesshotel")],
        org_kind="company", style="place", industries=[None, None, CT], weight=3,
        descriptions=["位于{place}的酒店，距地铁站步行{n}分钟。",
                      "Hotel in {place_en}, {n} minutes' walk from the metro."],
        offers=[
            Offer("housing", [
                ("企业协议客房", "为企业客户提供协议价，适合短期出差。", "协议价, 出差, 客房"),
                ("Corporate hotel rates", "Negotiated room rates for business travellers.",
                 "corporate rates, business travel"),
            ], headcount=(20, 200)),
            Offer("events", [
                ("小型会议室", "可容纳20–60人的会议室。", "会议室"),
                ("Meeting rooms", "Meeting rooms for up to 60 people.", "meeting rooms"),
            ], headcount=(20, 60)),
        ],
    ),
    Sector(
        types=[("员工宿舍", "Staff Dormitories", "Wohnheime")],
        org_kind="company", style="place", industries=[None], weight=1,
        descriptions=["工业区配套员工宿舍，4–8人间。",
                      "Dormitories for factory workers, 4 to 8 per room."],
        offers=[
            Offer("housing", [
                ("员工宿舍床位出租", "按床位出租，含水电和保洁。", "宿舍, 床位"),
                ("Worker dormitories", "Beds rented by the month near the industrial zone.",
                 "dormitory, beds"),
            ], headcount=(100, 1500)),
        ],
    ),
    Sector(
        types=[("国际旅行社", "International Travel", "Reisebüro")],
        org_kind="company", industries=[CT], weight=2,
        descriptions=["旅行社，邮轮船票和岸上观光。",
                      "Travel agency for cruise tickets and excursions.",
                      "Reisebüro für Kreuzfahrten ab Shanghai."],
        offers=[
            Offer("services", [
                ("邮轮船票分销", "代理多家邮轮公司船票，年销售{n}万张。", "船票, 分销"),
                ("Shore excursions", "Shore excursions and transfers for cruise guests.",
                 "shore excursions, transfers"),
                ("Landausflüge", "Ausflüge und Transfers für Kreuzfahrtgäste.", "Landausflüge"),
            ], industries=[CT]),
        ],
    ),
    Sector(
        types=[("船舶内装", "Marine Interiors", "Schiffsinnenausbau")],
        org_kind="company", industries=[CT, None], weight=1,
        descriptions=["邮轮和客船内装工程。", "Interior outfitting of cruise and passenger ships."],
        offers=[
            Offer("services", [
                ("邮轮客房翻新", "邮轮客房和公共区域翻新改造。", "翻新, 内装"),
                ("Cabin refurbishment", "Cabin and public area refits during dry dock.",
                 "refit, cabins"),
            ], industries=[CT]),
        ],
    ),
    Sector(
        types=[("语言培训", "Language School", "Sprachschule")],
        org_kind="company", industries=[None], weight=1,
        descriptions=["语言培训学校。", "Language school for companies."],
        offers=[
            Offer("talent_programme", [
                ("外籍员工中文课程", "一对一和小班中文课。", "中文课, 小班"),
                ("German courses for Chinese staff",
                 "Group courses to B1 for staff going to Germany.", "German courses, B1"),
            ], headcount=(5, 60)),
        ],
    ),
    Sector(
        types=[("安全培训", "Safety Training", "Sicherheitsschulung"), ("管理培训",
               "Management Training", "Führungstraining")],
        org_kind="company", industries=[None], weight=1, german=True,
        descriptions=["企业培训机构，年培训学员{n}000人次。",
                      "Corporate training provider, {n},000 trainees a year."],
        offers=[
            Offer("talent_programme", [
                ("叉车证与安全生产培训", "特种作业操作证培训和安全生产培训。",
                 "叉车证, 安全生产"),
                ("Führungskräftetraining", "Trainings für chinesische Teamleiter.", "Führung"),
                ("Team leader training", "Supervisory skills for new line leaders.",
                 "team leaders, supervisors"),
            ], headcount=(5, 60)),
        ],
    ),
    # --- associations, government, research -------------------------------------------------
    Sector(
        types=[("行业协会", "Industry Association", "Branchenverband"), ("产业联盟",
               "Industry Alliance", "Industrieallianz")],
        org_kind="association", style="group", industries=[NM, BIO, GR, AP, IT, CT], weight=2,
        descriptions=["由区内企业自愿组成的{type}，会员{n}0余家。",
                      "{type_en} of companies in the district, about {n}0 members."],
        offers=[
            Offer("association", [
                ("会员服务", "定期举办会员交流和企业参访。", "会员, 交流, 参访"),
                ("Membership", "Member meetings and company visits every quarter.",
                 "membership, company visits"),
            ]),
            Offer("events", [
                ("年度论坛", "每年举办行业论坛和展览。", "论坛, 展览"),
                ("Annual forum", "Annual forum with an exhibition.", "forum"),
            ]),
        ],
    ),
    Sector(
        types=[("商会", "Chamber of Commerce", "Handelskammer")],
        org_kind="chamber", style="hometown", industries=[None], weight=1,
        descriptions=["在沪同乡企业家组成的商会。",
                      "Chamber of business people from one home province."],
        offers=[
            Offer("association", [
                ("会员交流", "会员企业家交流、项目对接。", "同乡, 企业家"),
                ("Networking dinners", "Monthly dinners of member entrepreneurs.", "networking"),
            ]),
        ],
    ),
    Sector(
        types=[("镇经济发展服务中心", "Town Economic Development Service Centre",
                "Wirtschaftsförderung"),
               ("街道企业服务中心", "Sub-district Enterprise Service Centre",
                "Unternehmensservice")],
        org_kind="government", style="place", industries=[None], weight=2,
        descriptions=["{place}的企业服务窗口，负责招商和企业服务。",
                      "The business service office of {place_en}."],
        offers=[
            Offer("subsidy_scheme", [
                ("镇级产业扶持资金", "按企业对地方经济的贡献给予扶持。", "扶持资金, 奖励"),
                ("Town-level business incentives", "Support linked to local tax contribution.",
                 "incentives"),
            ]),
            Offer("services", [
                ("项目建设审批协助", "协助办理环评、消防和施工许可。", "环评, 消防, 施工许可"),
                ("Help with building permits", "Environmental, fire and building permits.",
                 "permits, fire safety"),
            ]),
        ],
    ),
    Sector(
        types=[("研究院", "Research Institute", "Forschungsinstitut"), ("技术中心",
               "Technology Centre", "Technologiezentrum")],
        org_kind="research_institute", style="group", industries=[NM, IT, GR, AP], weight=3,
        descriptions=["面向{industry_zh}的公共研发平台，科研人员{n}0人。",
                      "Public R&D platform for {industry_en_lower}, {n}0 researchers.",
                      "Öffentliche Forschungsplattform für {industry_de}."],
        offers=[
            Offer("research_cooperation", [
                ("委托研发与技术攻关", "承接企业委托研发和技术攻关。", "委托研发, 技术攻关"),
                ("Contract research", "Contract R&D and joint funding applications.",
                 "contract research, funding"),
                ("Auftragsforschung", "Auftragsforschung und gemeinsame Förderanträge.",
                 "Auftragsforschung"),
                ("科技成果转化", "专利许可和技术转让。", "成果转化, 专利许可"),
            ]),
            Offer("test_site", [
                ("应用场景验证", "为企业新产品提供验证场景。", "验证, 场景"),
                ("Field validation", "Validation of new products in operation.", "validation"),
            ]),
            Offer("market_access", [
                ("团体标准制定", "组织企业参与团体标准和行业标准制定。", "团体标准, 行业标准"),
            ]),
        ],
    ),
    # --- automotive and semiconductors ------------------------------------------------------
    Sector(
        types=[("电池系统", "Battery Systems", "Batteriesysteme")],
        org_kind="company", industries=[AP, GR], weight=2, german=True,
        descriptions=["动力电池系统集成商。", "EV battery system integrator."],
        offers=[
            Offer("supplier_capability", [
                ("电池包PACK组装", "软包和方壳电芯的模组与PACK组装。", "电池包, PACK, 模组"),
                ("Battery pack assembly", "Module and pack assembly for EVs.", "battery pack"),
            ]),
        ],
    ),
    Sector(
        types=[("汽车电子", "Automotive Electronics", "Fahrzeugelektronik")],
        org_kind="company", industries=[AP, IT], weight=2, german=True,
        descriptions=["汽车电子控制器供应商。", "Supplier of automotive control units."],
        offers=[
            Offer("supplier_capability", [
                ("车身控制器", "车身控制器和门窗控制模块。", "控制器, ECU"),
                ("Body control modules", "BCM and door modules for passenger cars.",
                 "BCM, door modules"),
            ]),
        ],
    ),
    Sector(
        types=[("汽车部件", "Auto Components", "Fahrzeugkomponenten")],
        org_kind="company", industries=[AP], weight=3, german=True,
        descriptions=["汽车零部件供应商，配套{n}家整车厂。",
                      "Automotive supplier delivering to {n} car makers in China.",
                      "Automobilzulieferer mit Werk in Baoshan."],
        offers=[
            Offer("supplier_capability", [
                ("Sitzkomponenten", "Sitzstrukturen und Verstellmechanismen.", "Sitz"),
                ("Brake discs and drums", "Machined brake discs and drums for the aftermarket.",
                 "brake discs, aftermarket"),
                ("热管理管路", "新能源汽车冷却管路和水冷板。", "热管理, 水冷板"),
            ]),
            Offer("pilot_customer", [
                ("二级供应商开发", "寻找能在上海本地生产的国外二级供应商。",
                 "二级供应商, 本地化"),
                ("Sub-supplier development", "Open to foreign sub-suppliers that localise.",
                 "sub-suppliers"),
            ]),
        ],
    ),
    Sector(
        types=[("封装测试", "Packaging and Test", "Packaging und Test")],
        org_kind="company", industries=[IT], weight=1, german=True,
        descriptions=["芯片封装测试企业。", "Chip packaging and test house."],
        offers=[
            Offer("supplier_capability", [
                ("芯片封装与成品测试", "QFN、SOP封装和成品测试。", "封装, QFN, 成品测试"),
                ("Wafer-Test im Auftrag", "Wafer-Test und Endtest für Kunden.", "Wafer-Test"),
            ]),
        ],
    ),
    Sector(
        types=[("电子气体", "Electronic Gases", "Spezialgase")],
        org_kind="company", industries=[IT, NM], weight=1,
        descriptions=["电子特气供应企业。", "Specialty gases for fabs."],
        offers=[
            Offer("supplier_capability", [
                ("Specialty gas supply", "High-purity gases by cylinder and bulk.",
                 "specialty gas, high purity"),
                ("设备零部件清洗再生", "刻蚀和沉积设备腔体零件清洗。", "清洗, 腔体零件"),
            ]),
        ],
    ),
    Sector(
        types=[("物业管理", "Property Management", "Facility Management")],
        org_kind="company", industries=[None], weight=2,
        descriptions=["园区和写字楼物业管理企业。",
                      "Facility management for parks and office buildings."],
        offers=[
            Offer("pilot_customer", [
                ("清洁与安防机器人试点", "在管理的园区试点清洁和安防巡逻机器人。",
                 "清洁机器人, 安防"),
                ("Pilot for smart building systems",
                 "Trials of building sensors and energy meters.", "smart building, sensors"),
            ]),
            Offer("services", [
                ("工厂物业外包", "保洁、安保和设施维护。", "保洁, 安保, 设施维护"),
            ]),
        ],
    ),
]
# fmt: on

HOMETOWNS = [
    ("浙江", "Zhejiang"), ("温州", "Wenzhou"), ("福建", "Fujian"), ("江苏", "Jiangsu"),
    ("安徽", "Anhui"), ("江西", "Jiangxi"), ("山东", "Shandong"), ("湖南", "Hunan"),
]  # fmt: skip


def _labelled_names() -> set[str]:
    """Every name of the labelled partners."""
    names: set[str] = set()
    for partner in json.loads(LABELLED.read_text(encoding="utf-8")):
        for key in ("name", "name_en", "name_de", "name_zh"):
            if partner.get(key):
                names.add(partner[key])
    return names


def _brand(rng: random.Random) -> tuple[str, str]:
    first, second = rng.sample(SYLLABLES, 2)
    return first[0] + second[0], (first[1] + second[1]).capitalize()


def _names(rng: random.Random, sector: Sector, industry: str | None) -> dict:
    """Chinese name plus English (and, for German subsidiaries, German) names."""
    zh_type, en_type, de_type = rng.choice(sector.types)
    place_zh, place_en = rng.choice(PLACES)
    brand_zh, brand_en = _brand(rng)
    names = {"_types": (zh_type, en_type, de_type), "_place": (place_zh, place_en)}
    if sector.german and rng.random() < 0.12:
        family, family_zh = rng.choice(GERMAN_NAMES)
        return names | {
            "name": f"{family_zh}{zh_type}（上海）有限公司",
            "name_en": f"{family} {en_type} (Shanghai) Co., Ltd.",
            "name_de": f"{family} {de_type} (Shanghai) Co., Ltd.",
            "_german": True,
        }
    if sector.style == "place":
        zh, en = f"{place_zh}{brand_zh}{zh_type}", f"{place_en} {brand_en} {en_type}"
        if rng.random() < 0.4:  # the town's only one of its kind goes by the town's name
            zh, en = f"{place_zh}{zh_type}", f"{place_en} {en_type}"
    elif sector.style == "bank":
        zh = f"{brand_zh}{zh_type}{place_zh}支行"
        en = f"{brand_en} {en_type}, {place_en} Sub-branch"
    elif sector.style == "group":
        field_zh, _, _, field_en = INDUSTRY_WORDS[industry]
        if field_zh[-2:] == zh_type[:2]:  # 信息技术 + 技术中心: say 技术 once
            field_zh = field_zh[:-2]
        zh = f"上海{brand_zh}{field_zh}{zh_type}"
        en = f"Shanghai {brand_en} {field_en} {en_type}"
    elif sector.style == "hometown":
        home_zh, home_en = rng.choice(HOMETOWNS)
        zh = f"宝山区{home_zh}{zh_type}"
        en = f"Baoshan {home_en} {en_type}"
    else:
        zh = f"上海{brand_zh}{zh_type}有限公司"
        en = f"Shanghai {brand_en} {en_type} Co., Ltd."
    return names | {"name": zh, "name_en": en, "_german": False}


def _fill(text: str, rng: random.Random, names: dict, industry: str | None) -> str:
    zh_type, en_type, de_type = names["_types"]
    place_zh, place_en = names["_place"]
    ind_zh, ind_en, ind_de, _ = INDUSTRY_WORDS[industry]
    return text.format(
        n=rng.randint(2, 9), year=rng.randint(1995, 2022), type=zh_type, type_en=en_type,
        type_en_lower=en_type.lower(), type_de=de_type, place=place_zh, place_en=place_en,
        industry_zh=ind_zh, industry_en_lower=ind_en, industry_de=ind_de,
    )  # fmt: skip


def _offer(rng: random.Random, template: Offer, names: dict, industry: str | None) -> dict:
    title, description, candidates = rng.choice(template.variants)
    pool = [k.strip() for k in candidates.split(",") if k.strip()]
    keywords = ""
    # About a fifth of real offers carry no keywords: everything is in title and description.
    if pool and rng.random() >= 0.2:
        keywords = ", ".join(rng.sample(pool, rng.randint(1, len(pool))))
    if template.industries is not None:
        industries = list(template.industries)
    else:
        industries = [industry] if industry and rng.random() < 0.7 else []
    area = None
    if template.area:
        area = round(rng.randint(*template.area), -2 if template.area[1] > 1000 else -1)
    return {
        "kind": template.kind,
        "title": _fill(title, rng, names, industry),
        "description": _fill(description, rng, names, industry),
        "keywords": keywords,
        "area_m2": area,
        "headcount": rng.randint(*template.headcount) if template.headcount else None,
        "industries": industries,
    }


def generate(count: int, seed: int = 7) -> list[dict]:
    """count extra local partners in the format of partners.json, the same for the same seed."""
    rng = random.Random(seed)  # repeatable data, not secrets
    taken = _labelled_names()
    weights = [s.weight for s in SECTORS]
    partners: list[dict] = []
    while len(partners) < count:
        sector = rng.choices(SECTORS, weights)[0]
        industry = rng.choice(sector.industries)
        names = _names(rng, sector, industry)
        all_names = {names["name"], names["name_en"], names.get("name_de")} - {None}
        # Unique names, none a labelled partner's: padding never adds a second copy of an answer.
        if all_names & taken:
            continue
        taken |= all_names
        description = _fill(rng.choice(sector.descriptions), rng, names, industry)
        if names["_german"]:
            description = f"Tochtergesellschaft eines deutschen Familienunternehmens. {description}"
        templates = rng.sample(sector.offers, rng.randint(1, min(3, len(sector.offers))))
        partner = {
            "key": f"g{len(partners) + 1:04d}",
            "org_kind": sector.org_kind,
            "name": names["name"],
            "name_en": names["name_en"],
            "description": description,
            "industry": industry,
            "offers": [_offer(rng, t, names, industry) for t in templates],
        }
        if names.get("name_de"):
            partner["name_de"] = names["name_de"]
        partners.append(partner)
    return partners
