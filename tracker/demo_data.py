"""The demo data set: the Thuringia delegation's visit to Baoshan (see shared/context).

Organisations and people are fictional; e-mail addresses use example domains.
"""

TOPICS = [
    ("AI and robotics", "KI und Robotik", "人工智能与机器人"),
    ("Industrial innovation cooperation", "Industrielle Innovationszusammenarbeit", "产业创新合作"),
    ("Global supply chains", "Globale Lieferketten", "全球供应链"),
    ("Investment promotion", "Investitionsförderung", "投资促进"),
]

KEY_INDUSTRIES = [
    ("Cruise tourism", "Kreuzfahrttourismus", "邮轮旅游"),
    ("Green and low-carbon technology", "Grüne und kohlenstoffarme Technologien", "绿色低碳"),
    ("Robotics and high-end manufacturing", "Robotik und High-End-Fertigung", "机器人及高端制造"),
    ("Biopharma and synthetic biology", "Biopharmazie und synthetische Biologie", "生物医药与合成生物"),
    ("New materials", "Neue Materialien", "新材料"),
    ("Next-generation information technology", "Informationstechnik der neuen Generation", "新一代信息技术"),
    ("Automotive parts", "Automobilteile", "汽车零部件"),
]  # fmt: skip

NEED_CATEGORIES = [
    ("Establishment and investment", "Ansiedlung und Investition", "落户与投资"),
    ("Local partner search", "Suche nach lokalen Partnern", "寻找本地合作伙伴"),
    ("Supply chain and sourcing", "Lieferkette und Beschaffung", "供应链与采购"),
    ("Talent and recruitment", "Fachkräfte und Rekrutierung", "人才与招聘"),
    ("Industrial land and space", "Gewerbeflächen und Räume", "产业用地与空间"),
    ("Policy and subsidies", "Förderpolitik und Zuschüsse", "政策与补贴"),
    ("R&D cooperation", "F&E-Kooperation", "研发合作"),
    ("Market access and regulation", "Marktzugang und Regulierung", "市场准入与监管"),
    ("Other", "Sonstiges", "其他"),
]

# (English, German, Chinese, whether the reason needs an explanation)
LOST_REASONS = [
    ("Chose another location", "Anderen Standort gewählt", "选择了其他地点", False),
    ("No budget", "Kein Budget", "没有预算", False),
    ("No response", "Keine Rückmeldung", "没有回应", False),
    ("Not a fit", "Passt nicht", "不匹配", False),
    ("Other", "Sonstiges", "其他", True),
]

STAFF = [
    ("li.na@example.org", "李娜 Li Na", "staff"),
    ("wang.wei@example.org", "王伟 Wang Wei", "manager"),
    ("zhang.min@example.org", "张敏 Zhang Min", "staff"),
]

# (name, kind, city, key industry, German name, Chinese name, website)
VISITING_ORGANISATIONS = [
    ("Thuringian Ministry for Economic Affairs and Science", "government", "Erfurt", None,
     "Thüringer Ministerium für Wirtschaft und Wissenschaft", "图林根州经济与科学部", None),
    ("Thuringia Development Agency", "development_agency", "Erfurt", None,
     "Thüringer Entwicklungsagentur", "图林根州发展署", "https://agency.example.de"),
    ("Institute for Applied Photonics Jena", "research_institute", "Jena", "New materials",
     "Institut für Angewandte Photonik Jena", "耶拿应用光子研究所", None),
    ("Ilmenau University of Applied Technology", "university", "Ilmenau",
     "Next-generation information technology", "Hochschule für Angewandte Technik Ilmenau",
     "伊尔默瑙应用技术大学", None),
    ("Saale Robotik GmbH", "company", "Jena", "Robotics and high-end manufacturing",
     "Saale Robotik GmbH", "萨勒机器人有限公司", "https://saale-robotik.example.de"),
    ("Jenaer Optronik AG", "company", "Jena", "New materials", None, "耶拿光电股份公司",
     "https://optronik.example.de"),
    ("Wartburg Autoteile GmbH", "company", "Eisenach", "Automotive parts", None,
     "瓦尔特堡汽车零部件有限公司", "https://wartburg-autoteile.example.de"),
    ("Erfurter Grünstrom GmbH", "company", "Erfurt", "Green and low-carbon technology", None,
     "埃尔福特绿电有限公司", None),
    ("Gera BioSynth GmbH", "company", "Gera", "Biopharma and synthetic biology", None,
     "格拉生物合成有限公司", None),
    ("Ilmtal Software GmbH", "company", "Ilmenau", "Next-generation information technology",
     None, "伊尔姆谷软件有限公司", None),
    ("Eisenacher Präzisionsguss GmbH", "company", "Eisenach", "Automotive parts", None,
     "艾森纳赫精密铸造有限公司", None),
]  # fmt: skip

LOCAL_ORGANISATIONS = [
    ("Shanghai Robot Industry Park", "industrial_park", "Shanghai",
     "Robotics and high-end manufacturing", "Shanghai Robot Industry Park", "上海机器人产业园"),
    ("Baoshan Investment Promotion Service Centre", "development_agency", "Shanghai", None,
     "Investitionsförderzentrum Baoshan", "宝山区投资促进服务中心"),
    ("Baoshan Automotive Parts Cluster", "industrial_park", "Shanghai", "Automotive parts",
     "Automobilteile-Cluster Baoshan", "宝山汽车零部件产业集群"),
    ("Wusong Materials Innovation Lab", "research_institute", "Shanghai", "New materials",
     "Innovationslabor für Werkstoffe Wusong", "吴淞新材料创新实验室"),
]  # fmt: skip

# (full name, other script, position, organisation, role, languages)
MEMBERS = [
    ("Dr. Katrin Bäumer", None, "State Secretary", 0, "head", "de, en"),
    ("Jörg Weißenfels", None, "Head of Division, Foreign Trade", 0, "member", "de, en"),
    ("Annette Müller", None, "Desk Officer China", 0, "organiser", "de, en, zh"),
    ("Felix Schönherr", None, "Managing Director", 1, "member", "de, en"),
    ("Sabine Krüger", None, "Investment Manager Asia", 1, "member", "de, en"),
    ("Lukas Hoffmann", None, "Project Manager", 1, "organiser", "de, en"),
    ("Prof. Dr. Thomas Große", None, "Institute Director", 2, "member", "de, en"),
    ("Dr. Miriam Schäfer", None, "Head of Technology Transfer", 2, "member", "de, en"),
    ("Prof. Dr. Andreas Köhler", None, "Vice President Research", 3, "member", "de, en"),
    ("Julia Lange", None, "International Office", 3, "member", "de, en, zh"),
    ("Markus Vogt", None, "CEO", 4, "member", "de, en"),
    ("Hannah Schröder", None, "Head of Business Development Asia", 4, "member", "de, en"),
    ("Stefan Oehler", None, "CTO", 4, "member", "de"),
    ("Dr. Uwe Brückner", None, "Chairman of the Board", 5, "member", "de, en"),
    ("Claudia Fuchs", None, "Sales Director APAC", 5, "member", "de, en"),
    ("Ralf Dietzel", None, "Managing Director", 6, "member", "de"),
    ("Tobias Wendt", None, "Head of Purchasing", 6, "member", "de, en"),
    ("Nadine Pöhler", None, "Plant Manager", 6, "member", "de, en"),
    ("Martin Sauerbrey", None, "Managing Director", 7, "member", "de, en"),
    ("Lea Hartung", None, "Project Developer", 7, "member", "de, en"),
    ("Dr. Jens Möbius", None, "CEO", 8, "member", "de, en"),
    ("Carolin Ebert", None, "Head of Regulatory Affairs", 8, "member", "de, en"),
    ("Sebastian Thiele", None, "Founder and CEO", 9, "member", "de, en"),
    ("Franziska Rößler", None, "Head of Partnerships", 9, "member", "de, en"),
    ("Bernd Kühnast", None, "Managing Director", 10, "member", "de"),
    ("Patrick Seidel", None, "Sales Manager", 10, "member", "de, en"),
    ("陈晓燕 Chen Xiaoyan", "陈晓燕", "Interpreter", None, "interpreter", "zh, de, en"),
    ("Dr. Wolfgang Ständer", None, "Advisor Asia", 1, "member", "de, en"),
    ("Ines Gräfe", None, "Press Officer", 0, "member", "de, en"),
]

LOCAL_CONTACTS = [
    ("周强 Zhou Qiang", "周强", "Park Director", 0),
    ("刘芳 Liu Fang", "刘芳", "Head of Investment Services", 1),
    ("黄磊 Huang Lei", "黄磊", "Cluster Manager", 2),
]

# Needs raised during the visit: (organisation index, title, category, industry, stage,
# investment EUR, jobs, owner index, follow-up (title, kind, assignee index, due in days) or None)
NEEDS = [
    (4, "Production space of 3,000 m² for robot arm assembly", "Industrial land and space",
     "Robotics and high-end manufacturing", "qualified", 12_000_000, 60, 0,
     ("Send the robot park's floor plans", "email", 0, 3)),
    (6, "Local suppliers for aluminium housing parts", "Local partner search",
     "Automotive parts", "matching", 5_000_000, 25, 2,
     ("Shortlist three die-casting suppliers", "document", 2, -2)),
    (9, "Recruit ten software engineers in Shanghai", "Talent and recruitment",
     "Next-generation information technology", "talks", 800_000, 10, 0,
     ("Call about the talent apartment programme", "call", 1, 0)),
    (8, "Subsidies for a synthetic biology pilot lab", "Policy and subsidies",
     "Biopharma and synthetic biology", "new", 3_000_000, 15, 1, None),
    (7, "Site for a green hydrogen demonstration plant", "Establishment and investment",
     "Green and low-carbon technology", "lost", 20_000_000, 40, 1, None),
]  # fmt: skip

# What some needs ask for, so offers can be compared: need title -> (m² asked, headcount asked)
NEED_ASKS = {
    "Production space of 3,000 m² for robot arm assembly": (3000, 60),
    "Recruit ten software engineers in Shanghai": (None, 10),
}

# Offers of the local partners: (organisation index in LOCAL_ORGANISATIONS, kind, title,
# description, m² available, headcount, key industries, keywords, contact index or None)
LOCAL_OFFERS = [
    (0, "factory_space", "Standard factory buildings, phase II",
     "Ready-to-use production halls with 8 m clear height, 3 t floor load and a shared test "
     "field for industrial robots; flexible leases from 1,000 m².",
     5000, None, ["Robotics and high-end manufacturing"],
     "Produktionsfläche, production space, 厂房, robot assembly, Roboter", 0),
    (0, "talent_programme", "Robotics engineers' talent apartments",
     "Subsidised apartments and recruiting days with Shanghai University for engineers.",
     None, 40, ["Robotics and high-end manufacturing"], "engineers, Ingenieure, 工程师", 0),
    (1, "subsidy_scheme", "Baoshan foreign investment support policy",
     "Rent subsidies, start-up grants and fast-track registration for foreign-invested firms.",
     None, None, [], "Zuschüsse, subsidies, 补贴, registration", 1),
    (1, "office_space", "Serviced offices at the Baoshan business centre",
     "Furnished offices for a first representative office, from 50 m².",
     800, None, [], "office, Büro, 办公室", 1),
    (2, "supplier_capability", "Die-casting and machining suppliers",
     "Fifteen certified suppliers of aluminium die-cast and machined parts for vehicles.",
     None, None, ["Automotive parts"], "Gehäuseteile, die casting, Druckguss, 压铸", 2),
    (3, "research_cooperation", "Joint lab for optical and new materials",
     "Shared equipment and joint projects with the materials lab's research groups.",
     None, None, ["New materials"], "optics, Photonik, 光学, coatings", None),
]  # fmt: skip

# Synonym groups for matching keywords across Chinese, German and English.
SYNONYMS = [
    "Gehäuseteile ~ housing parts ~ 外壳",
    "Produktionsfläche ~ production space ~ 厂房 ~ Fertigungshalle",
    "Zuschüsse ~ subsidies ~ 补贴 ~ Förderung",
    "Ingenieure ~ engineers ~ 工程师",
    "Druckguss ~ die casting ~ 压铸",
]
