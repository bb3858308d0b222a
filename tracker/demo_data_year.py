"""The demo's year of work around the Thuringia visit: four more delegations (one still to come),
organisations from other German states and countries, and 40 needs along the pipeline.

Dates are days relative to the day the demo is loaded, so it always looks current. Everyone and
everything here is fictional; e-mail addresses use example domains.
"""

from typing import NamedTuple

# Appended to demo_data.STAFF: more colleagues make the team's follow-up figures worth a look.
STAFF = [
    ("chen.lei@example.org", "陈磊 Chen Lei", "staff"),
    ("liu.yang@example.org", "刘洋 Liu Yang", "staff"),
]

# (title, country, region, start in days from today, days, status, announced size,
#  host officer (staff index), topics, summary)
DELEGATIONS = [
    ("Bavarian automotive and mechatronics suppliers' delegation", "DE", "Bavaria", -330, 3,
     "completed", 14, 1, ["Global supply chains", "Industrial innovation cooperation"],
     "Suppliers of e-drives, plastics, sensors and robots from Bavaria looked for sites, "
     "suppliers and pilot customers near the carmakers of the Yangtze River Delta."),
    ("Upper Austria plastics and mechatronics cluster visit", "AT", "Upper Austria", -235, 2,
     "completed", 9, 0, ["Industrial innovation cooperation"],
     "Tooling, mechatronics and steel companies of an Upper Austrian cluster met suppliers, "
     "the testing labs and the vocational college."),
    ("Basel life sciences delegation", "CH", "Basel-Stadt", -150, 2, "completed", 8, 1,
     ["Investment promotion"],
     "Biologics and diagnostics companies from Basel visited the district's biopharma parks and "
     "asked about clean rooms, cold chains and NMPA registration."),
    ("Baden-Württemberg AI and automation start-ups", "DE", "Baden-Württemberg", -75, 2,
     "completed", 10, 4, ["AI and robotics"],
     "Start-ups in machine vision, robot cells, drones and batteries pitched at the robotics "
     "accelerator and met possible pilot customers."),
    ("North Rhine-Westphalia hydrogen delegation", "DE", "North Rhine-Westphalia", 24, 3,
     "planned", 15, 1, ["Investment promotion", "Global supply chains"],
     "Electrolyser and fuel cell companies from the Ruhr will visit the hydrogen industry park."),
]  # fmt: skip

# (name, kind, city, country, key industry, German name, Chinese name, website, delegation index
#  or None for a company that came to the commission on its own)
ORGANISATIONS = [
    ("Bavarian State Ministry of Economic Affairs", "government", "Munich", "DE", None,
     "Bayerisches Staatsministerium für Wirtschaft", "巴伐利亚州经济部", None, 0),
    ("Oberpfalz Antriebstechnik GmbH", "company", "Regensburg", "DE", "Automotive parts", None,
     "上普法尔茨驱动技术有限公司", "https://antrieb.example.de", 0),
    ("Allgäu Kunststofftechnik GmbH", "company", "Kempten", "DE", "Automotive parts", None,
     "阿尔高塑料技术有限公司", None, 0),
    ("Franken Sensorik AG", "company", "Erlangen", "DE", "Next-generation information technology",
     None, "弗兰肯传感器股份公司", "https://sensorik.example.de", 0),
    ("Isar Cobotics GmbH", "company", "Munich", "DE", "Robotics and high-end manufacturing", None,
     "伊萨尔协作机器人有限公司", None, 0),
    ("Donau Präzisionsteile GmbH", "company", "Ingolstadt", "DE",
     "Robotics and high-end manufacturing", None, "多瑙精密零件有限公司", None, 0),
    # 6: Upper Austria
    ("Ennstal Kunststofftechnik GmbH", "company", "Steyr", "AT", "Automotive parts", None,
     "恩斯塔尔塑料技术有限公司", None, 1),
    ("Mühlviertel Mechatronik GmbH", "company", "Freistadt", "AT",
     "Robotics and high-end manufacturing", None, "米尔菲尔特机电有限公司", None, 1),
    ("Traun Stahlbau GmbH", "company", "Linz", "AT", "New materials", None, "特劳恩钢结构有限公司",
     None, 1),
    ("Upper Austria Business Location Office", "development_agency", "Linz", "AT", None,
     "Standortbüro Oberösterreich", "上奥地利州投资促进办公室", None, 1),
    # 10: Basel
    ("Rheinknie Biologics AG", "company", "Basel", "CH", "Biopharma and synthetic biology", None,
     "莱茵湾生物制剂股份公司", "https://biologics.example.ch", 2),
    ("Birsig Diagnostics AG", "company", "Basel", "CH", "Biopharma and synthetic biology", None,
     "比尔西格诊断股份公司", None, 2),
    ("Jura Synthetics AG", "company", "Liestal", "CH", "Biopharma and synthetic biology", None,
     "汝拉合成生物股份公司", None, 2),
    ("Basel Region Life Sciences Office", "development_agency", "Basel", "CH",
     "Biopharma and synthetic biology", "Life-Sciences-Büro Region Basel",
     "巴塞尔地区生命科学办公室", None, 2),
    # 14: Baden-Württemberg
    ("Neckar Vision AI GmbH", "company", "Stuttgart", "DE",
     "Next-generation information technology", None, "内卡视觉人工智能有限公司",
     "https://vision.example.de", 3),
    ("Schwarzwald Automation GmbH", "company", "Freiburg", "DE",
     "Robotics and high-end manufacturing", None, "黑森林自动化有限公司", None, 3),
    ("Bodensee Drohnentechnik GmbH", "company", "Friedrichshafen", "DE",
     "Next-generation information technology", None, "博登湖无人机技术有限公司", None, 3),
    ("Kraichgau Batterietechnik GmbH", "company", "Karlsruhe", "DE",
     "Green and low-carbon technology", None, "克莱希高电池技术有限公司", None, 3),
    # 18: North Rhine-Westphalia
    ("Ruhr Wasserstoff GmbH", "company", "Essen", "DE", "Green and low-carbon technology", None,
     "鲁尔氢能有限公司", "https://wasserstoff.example.de", 4),
    ("Emscher Elektrolyse AG", "company", "Gelsenkirchen", "DE", "Green and low-carbon technology",
     None, "埃姆舍电解股份公司", None, 4),
    # 20: on their own
    ("Hanse Kühllogistik GmbH", "company", "Hamburg", "DE", None, None, "汉萨冷链物流有限公司",
     None, None),
    ("Weser Maschinenbau GmbH", "company", "Bremen", "DE", "Automotive parts", None,
     "威悉机械制造有限公司", None, None),
    ("Lyon Matériaux Avancés SAS", "company", "Lyon", "FR", "New materials", None,
     "里昂先进材料公司", None, None),
    ("Nordic Marine Interiors AB", "company", "Gothenburg", "SE", "Cruise tourism", None,
     "北欧船舶内装公司", None, None),
]  # fmt: skip

# (organisation index, full name, position, role in the delegation, languages)
PEOPLE = [
    (0, "Dr. Stefanie Huber", "Head of Department, Foreign Trade", "head", "de, en"),
    (0, "Korbinian Maier", "Desk Officer Greater China", "organiser", "de, en, zh"),
    (1, "Thomas Wimmer", "Managing Director", "member", "de, en"),
    (1, "Verena Gruber", "Head of Operations", "member", "de, en"),
    (2, "Andreas Zeller", "CEO", "member", "de, en"),
    (2, "Lisa Brandl", "Purchasing Manager", "member", "de, en"),
    (3, "Dr. Michael Kreitmeier", "CTO", "member", "de, en"),
    (4, "Sophie Angerer", "Founder and CEO", "member", "de, en"),
    (5, "Georg Pfeiffer", "Sales Director", "member", "de"),
    (6, "Mag. Claudia Leitner", "Managing Director", "head", "de, en"),
    (6, "Florian Hofstätter", "Head of Tooling", "member", "de, en"),
    (7, "Ing. Bernhard Aigner", "CEO", "member", "de, en"),
    (7, "Martina Ecker", "Quality and Approvals", "member", "de, en"),
    (8, "Johann Reisinger", "Head of Purchasing", "member", "de"),
    (9, "Katharina Wallner", "Investment Manager Asia", "organiser", "de, en, zh"),
    (10, "Dr. Beatrice Vogel", "Head of Manufacturing", "head", "de, en, fr"),
    (10, "Dr. Priya Raman", "Director Supply Chain", "member", "en, de"),
    (11, "Lukas Baumgartner", "CEO", "member", "de, en"),
    (11, "Anne-Sophie Meier", "Regulatory Affairs Manager", "member", "de, fr, en"),
    (12, "Dr. Reto Furrer", "Head of Process Development", "member", "de, en"),
    (13, "Nina Brunner", "Senior Project Manager", "organiser", "de, en"),
    (14, "Jonas Eberle", "Co-founder and CEO", "head", "de, en"),
    (14, "Mei Lin Schäufele", "Head of Hardware", "member", "de, en, zh"),
    (15, "Tobias Kienzle", "Managing Director", "member", "de, en"),
    (16, "Hanna Rieger", "Founder", "member", "de, en"),
    (17, "Dr. Felix Gaiser", "CEO", "member", "de, en"),
    (18, "Dr. Kerstin Wolters", "Managing Director", "head", "de, en"),
    (19, "Marc Schulte-Eickhoff", "Head of Business Development", "member", "de, en"),
    (20, "Henrik Claußen", "Managing Director", "member", "de, en"),
    (21, "Birgit Oltmanns", "Head of Logistics", "member", "de, en"),
    (22, "Claire Dubois", "Directrice générale", "member", "fr, en"),
    (23, "Erik Lindqvist", "Sales Director Asia", "member", "sv, en"),
]

# Meetings of the visits: (delegation, title, day of the visit, UTC hour, place, topics,
#  visitors (PEOPLE indices), local partners' people (demo_data.LOCAL_CONTACTS indices), staff)
MEETINGS = [
    (0, "Welcome and presentation of Baoshan's investment offer", 0, 1,
     "Baoshan District Government, Hall 2", ["Investment promotion"], [0, 1, 2, 4, 6], [1], [1, 0]),
    (0, "Site visit at the Baoshan Automotive Parts Cluster", 1, 6,
     "Baoshan Automotive Parts Cluster", ["Global supply chains"], [2, 3, 4, 5, 8], [2, 14, 7],
     [0, 2]),
    (1, "Round table: plastics, tooling and testing", 0, 6,
     "Baoshan Foreign-Invested Enterprise Service Centre", ["Industrial innovation cooperation"],
     [9, 10, 11, 12, 13, 14], [6, 8], [0]),
    (2, "Life sciences round table at the Biopharma Industrial Park", 0, 2,
     "Baoshan Biopharma Industrial Park", ["Investment promotion"], [15, 16, 17, 18, 19, 20], [4],
     [1, 4]),
    (3, "Pitch session at the Robotics & AI Accelerator", 0, 6, "Baoshan Robotics & AI Accelerator",
     ["AI and robotics"], [21, 22, 23, 24, 25], [5, 10], [4, 3]),
]  # fmt: skip


class DemoNeed(NamedTuple):
    """A need of the year and where it got to; times are days before or after today."""

    organisation: int  # ORGANISATIONS index; the need belongs to its delegation
    title: str
    category: str
    industry: str | None
    stage: str
    amount: int | None
    currency: str
    jobs: int | None
    owner: int  # staff index (demo_data.STAFF, then STAFF above)
    age: int  # days since it was raised
    partners: tuple[int, ...] = ()  # LOCAL_ORGANISATIONS matched; the first is talked to
    # Talks stage: the talk's day from today (past: held). Other stages: a talk on the way.
    talk_in: int | None = None
    followup: tuple[str, str, int, int] | None = None  # title, kind, assignee, due in days
    lost: tuple[str, str | None] | None = None  # lost reason and its explanation
    description: str | None = None


NEEDS = [
    DemoNeed(1, "Leased hall of 4,000 m² for e-drive housing machining",
             "Industrial land and space", "Automotive parts", "won", 18_000_000, "EUR", 85, 1,
             328, (5, 4),
             description="Machining and leak testing of e-drive housings for two carmakers; "
                         "8 m clear height and a 10 t crane."),
    DemoNeed(1, "Die-cast aluminium housings from a local supplier", "Supply chain and sourcing",
             "Automotive parts", "negotiation", 2_500_000, "EUR", None, 2, 326, (17,),
             followup=("Check the sample parts' X-ray report", "document", 2, -4)),
    DemoNeed(2, "Injection moulding partner for PA66 connector housings",
             "Supply chain and sourcing", "Automotive parts", "won", 1_200_000, "EUR", None, 0,
             325, (16,)),
    DemoNeed(2, "Grants for a second plant in the Yangtze River Delta", "Policy and subsidies",
             "Automotive parts", "lost", 6_000_000, "EUR", 40, 1, 322, (1,),
             lost=("Chose another location", None)),
    DemoNeed(3, "Small-batch packaging of MEMS pressure sensors", "Supply chain and sourcing",
             "Next-generation information technology", "won", 900_000, "EUR", None, 3, 320, (15,)),
    DemoNeed(3, "Representative office with two engineers", "Establishment and investment",
             "Next-generation information technology", "lost", 300_000, "EUR", 2, 3, 318,
             lost=("No response", None)),
    DemoNeed(4, "Pilot customer for collaborative robots in car body shops",
             "Test sites and pilot projects", "Robotics and high-end manufacturing", "negotiation",
             1_500_000, "EUR", 12, 0, 318, (20,),
             followup=("Send the pilot KPI proposal to Donghai", "email", 0, 6)),
    DemoNeed(4, "Joint research on force-controlled grinding", "R&D cooperation",
             "Robotics and high-end manufacturing", "lost", 400_000, "EUR", None, 4, 316, (24, 23),
             talk_in=0, lost=("Not a fit", None)),
    DemoNeed(5, "CNC machining capacity for titanium prototypes", "Supply chain and sourcing",
             "Robotics and high-end manufacturing", "on_hold", 600_000, "EUR", None, 2, 315, (18,),
             followup=("Ask whether the prototype programme restarts", "call", 2, 40)),
    DemoNeed(0, "Joint supplier day of the Bavarian and Baoshan networks", "Events and networking",
             "Automotive parts", "talks", None, "EUR", None, 1, 330, (34,), talk_in=12,
             followup=("Agree the date of the joint supplier day", "meeting", 1, 10)),
    # Upper Austria
    DemoNeed(6, "Mould making partner for interior trim parts", "Supply chain and sourcing",
             "Automotive parts", "negotiation", 800_000, "EUR", None, 0, 233, (16,),
             followup=("Visit the toolroom with the customer's engineer", "site_visit", 0, 15)),
    DemoNeed(6, "Wholly foreign-owned company for a moulding plant", "Establishment and investment",
             "Automotive parts", "won", 9_000_000, "EUR", 60, 1, 232, (33, 31)),
    DemoNeed(7, "CCC certification for cordless power tools", "Market access and regulation",
             "Robotics and high-end manufacturing", "won", 250_000, "EUR", None, 3, 231, (21,)),
    DemoNeed(7, "EMC pre-compliance tests before the CE declaration",
             "Market access and regulation", "Robotics and high-end manufacturing", "talks", None,
             "EUR", None, 3, 230, (21,), talk_in=-3,
             followup=("Record the outcome of the EMC talk", "document", 3, -1)),
    DemoNeed(8, "Local supply of gear steel bars", "Supply chain and sourcing", "New materials",
             "negotiation", 3_000_000, "EUR", None, 2, 229, (19,),
             followup=("Compare Yuepu's steel grades with the EN 10084 list", "document", 2, -6)),
    DemoNeed(8, "Heavy steel-frame hall with a 30 t crane", "Industrial land and space",
             "New materials", "lost", 12_000_000, "EUR", 45, 4, 228, (8,),
             lost=("No budget", None)),
    DemoNeed(9, "Exchange programme for vocational trainers", "Talent and recruitment",
             "Robotics and high-end manufacturing", "talks", None, "EUR", None, 0, 235, (25,),
             talk_in=8, followup=("Send the draft of the trainer exchange", "email", 0, 5)),
    DemoNeed(9, "Stand at the autumn robotics fair", "Events and networking",
             "Robotics and high-end manufacturing", "matching", 30_000, "EUR", None, 4, 60, (35,),
             followup=("Reserve the stand options", "call", 4, 2)),
    # Basel
    DemoNeed(10, "GMP clean room of 800 m² for fill and finish", "Industrial land and space",
             "Biopharma and synthetic biology", "negotiation", 25_000_000, "EUR", 70, 1, 148,
             (6, 7), followup=("Review the lease draft with the park", "meeting", 1, 3),
             description="ISO 7 and ISO 8 clean rooms, validated HVAC and purified water; "
                         "production of clinical batches from next year."),
    DemoNeed(10, "Pharma cold chain for clinical samples", "Supply chain and sourcing",
             "Biopharma and synthetic biology", "won", 500_000, "EUR", None, 4, 146, (11,)),
    DemoNeed(11, "NMPA registration of an IVD analyser", "Market access and regulation",
             "Biopharma and synthetic biology", "talks", 1_000_000, "EUR", None, 3, 145, (6,),
             talk_in=3, followup=("Send the device classification questions", "email", 3, 0)),
    DemoNeed(11, "Distribution partner for diagnostic reagents", "Customers and sales",
             "Biopharma and synthetic biology", "lost", None, "EUR", None, 3, 144,
             lost=("Other", "The company signed with a distributor in Guangzhou.")),
    DemoNeed(12, "Fermentation pilot plant for 500 L batches", "Test sites and pilot projects",
             "Biopharma and synthetic biology", "talks", 2_000_000, "EUR", 8, 4, 142, (6,),
             talk_in=-12, followup=("Send the fermentation trial plan", "document", 4, -2)),
    DemoNeed(12, "Research cooperation on enzyme engineering", "R&D cooperation",
             "Biopharma and synthetic biology", "matching", None, "EUR", None, 0, 140, (23,),
             followup=("Ask the university for a contact in bioengineering", "call", 0, 4)),
    DemoNeed(13, "Soft landing for Basel start-ups in Baoshan", "Establishment and investment",
             "Biopharma and synthetic biology", "matching", None, "EUR", None, 1, 150, (36,)),
    DemoNeed(13, "Joint life sciences investment forum", "Events and networking",
             "Biopharma and synthetic biology", "on_hold", None, "EUR", None, 1, 138,
             followup=("Ask Basel about a forum date in the new year", "email", 1, 30)),
    # Baden-Württemberg
    DemoNeed(14, "SMT assembly of camera controller boards", "Supply chain and sourcing",
             "Next-generation information technology", "talks", 700_000, "EUR", None, 3, 73, (14,),
             talk_in=-9, followup=("Request the PCBA quotation", "email", 3, -1)),
    DemoNeed(14, "Pilot line for AI visual inspection", "Test sites and pilot projects",
             "Next-generation information technology", "matching", 500_000, "EUR", None, 0, 72,
             (20, 19), followup=("Introduce Neckar Vision to Donghai's plant", "meeting", 0, 7)),
    DemoNeed(15, "Application centre for customer trials of robot cells",
             "Test sites and pilot projects", "Robotics and high-end manufacturing", "qualified",
             1_200_000, "EUR", 10, 4, 71,
             followup=("Qualify the budget and timing", "call", 4, -8)),
    DemoNeed(15, "Ten service technicians for robot installations", "Talent and recruitment",
             "Robotics and high-end manufacturing", "qualified", None, "EUR", 10, 2, 70,
             followup=("Send the job fair dates", "email", 2, 9)),
    DemoNeed(16, "Drone test airspace near the Yangtze estuary", "Test sites and pilot projects",
             "Next-generation information technology", "lost", None, "EUR", None, 0, 70,
             lost=("Not a fit", None)),
    DemoNeed(16, "Seed funding for a Baoshan subsidiary", "Financing and capital",
             "Next-generation information technology", "qualified", 2_000_000, "CNY", 6, 1, 68,
             followup=("Introduce the angel co-investment scheme", "meeting", 1, 14)),
    DemoNeed(17, "Battery recycling pilot with a local carmaker", "Test sites and pilot projects",
             "Green and low-carbon technology", "matching", 4_000_000, "EUR", 20, 1, 66, (20,),
             followup=("Ask Donghai about recycling volumes", "call", 1, -3)),
    DemoNeed(17, "Bank account and RMB financing for equipment", "Financing and capital",
             "Green and low-carbon technology", "new", 1_500_000, "USD", None, 0, 12,
             followup=("Ask for the equipment list", "email", 0, 2)),
    # North Rhine-Westphalia, from the preparatory calls
    DemoNeed(18, "Site for electrolyser stack manufacturing", "Establishment and investment",
             "Green and low-carbon technology", "new", 15_000_000, "EUR", 50, 1, 9,
             followup=("Prepare the hydrogen park visit for the delegation", "site_visit", 1, 20)),
    DemoNeed(19, "Fuel cell test bench time for system validation", "Test sites and pilot projects",
             "Green and low-carbon technology", "new", None, "EUR", None, 4, 5),
    # Companies that came on their own
    DemoNeed(20, "Temperature-controlled warehouse for food imports", "Supply chain and sourcing",
             None, "qualified", 1_000_000, "EUR", 12, 2, 40,
             followup=("Send the cold storage brochure", "email", 2, 1)),
    DemoNeed(21, "Bonded warehouse for spare parts", "Supply chain and sourcing",
             "Automotive parts", "won", 600_000, "EUR", 4, 0, 200, (12,)),
    DemoNeed(22, "Coating trials for turbine parts", "R&D cooperation", "New materials",
             "matching", 800_000, "EUR", None, 4, 30, (8, 3),
             followup=("Send the coating specifications to the pilot base", "document", 4, -5)),
    DemoNeed(23, "Supplier registration for cruise ship interiors", "Customers and sales",
             "Cruise tourism", "new", 400_000, "USD", None, 3, 4,
             followup=("Call about the cruise port's supplier list", "call", 3, 3)),
]  # fmt: skip

# A follow-up on the coming visit itself: (delegation, title, kind, assignee, due in days)
DELEGATION_FOLLOWUPS = [
    (4, "Book the hall and two interpreters for the hydrogen delegation", "other", 1, 14),
]

# What the report converts investments with: CNY for one unit (fictional, round rates).
EXCHANGE_RATES = {"EUR": "7.85", "USD": "7.15"}
