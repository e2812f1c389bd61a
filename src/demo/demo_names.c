/*
 * demo_names.c -- names for the demo book (see demo_names.h).
 *
 * Data model: a person comes from one of a dozen naming cultures, each a
 * table of given and family names with an ASCII romanisation (for logins
 * and e-mail addresses) and a display order ("Given Family", "Family
 * Given" for Japanese, "FamilyGiven" for Chinese and Korean).  A region
 * weights the cultures, so a Tokyo account mostly has Japanese contacts.
 * Companies are built from word lists, with fixed tables of accented, CJK
 * and very long names mixed in at a few per cent.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "demo/demo_names.h"

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

const char *const demo_region_names[] = {
	[DR_NA] = "North America", [DR_EMEA] = "EMEA", [DR_APAC] = "APAC", [DR_LATAM] = "LATAM", NULL,
};

/* -- people ---------------------------------------------------------------- */

struct nm {
	const char *disp;       /* as written */
	const char *ascii;      /* romanised, for logins and e-mail */
};

enum order { WESTERN, EAST_SPACED, EAST_TIGHT };

struct culture {
	const struct nm *given;
	int ngiven;
	const struct nm *family;
	int nfamily;
	enum order order;
};

static const struct nm en_given[] = {
	{ "James", "james" }, { "Olivia", "olivia" }, { "Michael", "michael" }, { "Emma", "emma" },
	{ "Daniel", "daniel" }, { "Sophia", "sophia" }, { "Ethan", "ethan" }, { "Grace", "grace" },
	{ "Noah", "noah" }, { "Chloe", "chloe" }, { "Liam", "liam" }, { "Zoë", "zoe" },
	{ "Harper", "harper" }, { "Owen", "owen" }, { "Abigail", "abigail" }, { "Rhys", "rhys" },
};
static const struct nm en_family[] = {
	{ "Smith", "smith" }, { "Johnson", "johnson" }, { "Carter", "carter" }, { "Bennett", "bennett" },
	{ "Hughes", "hughes" }, { "Morgan", "morgan" }, { "Brooks", "brooks" }, { "Foster", "foster" },
	{ "O'Brien", "obrien" }, { "Brontë", "bronte" }, { "McAllister", "mcallister" }, { "Reed", "reed" },
	{ "Sullivan", "sullivan" }, { "Hayes", "hayes" }, { "Fitzgerald-Whitmore", "fitzgerald-whitmore" },
	{ "Nguyen", "nguyen" },
};
static const struct nm es_given[] = {
	{ "José", "jose" }, { "María", "maria" }, { "Álvaro", "alvaro" }, { "Lucía", "lucia" },
	{ "Sofía", "sofia" }, { "Andrés", "andres" }, { "Íñigo", "inigo" }, { "Begoña", "begona" },
	{ "Mateo", "mateo" }, { "Valentina", "valentina" }, { "Joaquín", "joaquin" }, { "Ximena", "ximena" },
};
static const struct nm es_family[] = {
	{ "Álvarez", "alvarez" }, { "García", "garcia" }, { "Núñez", "nunez" }, { "Muñoz", "munoz" },
	{ "Peña", "pena" }, { "Ibáñez", "ibanez" }, { "Rodríguez", "rodriguez" }, { "Fernández", "fernandez" },
	{ "Gómez de la Serna", "gomez-de-la-serna" }, { "Castillo", "castillo" }, { "Ortega", "ortega" },
	{ "Quiñones", "quinones" },
};
static const struct nm fr_given[] = {
	{ "François", "francois" }, { "Hélène", "helene" }, { "Jérôme", "jerome" }, { "Amélie", "amelie" },
	{ "Benoît", "benoit" }, { "Cécile", "cecile" }, { "Gaël", "gael" }, { "Léa", "lea" },
	{ "Noël", "noel" }, { "Océane", "oceane" },
};
static const struct nm fr_family[] = {
	{ "Lefèvre", "lefevre" }, { "Dubois", "dubois" }, { "Bérenger", "berenger" }, { "Rousseau", "rousseau" },
	{ "Mercier", "mercier" }, { "Gauthier", "gauthier" }, { "Lemaître", "lemaitre" }, { "Faure", "faure" },
	{ "d'Aubigné", "daubigne" }, { "Chevalier", "chevalier" },
};
static const struct nm de_given[] = {
	{ "Jürgen", "juergen" }, { "Käthe", "kaethe" }, { "Søren", "soeren" }, { "Åsa", "asa" },
	{ "Björn", "bjoern" }, { "Ingrid", "ingrid" }, { "Øystein", "oeystein" }, { "Malte", "malte" },
	{ "Maximilian", "maximilian" }, { "Annika", "annika" }, { "Lena", "lena" }, { "Jonas", "jonas" },
};
static const struct nm de_family[] = {
	{ "Müller", "mueller" }, { "Schröder", "schroeder" }, { "Weiß", "weiss" }, { "Strauß", "strauss" },
	{ "Østergaard", "oestergaard" }, { "Ångström", "angstrom" }, { "Nyström", "nystroem" },
	{ "Bäckström", "baeckstroem" }, { "von Hohenzollern-Sigmaringen", "von-hohenzollern-sigmaringen" },
	{ "Lindqvist", "lindqvist" }, { "Becker", "becker" }, { "Hoffmann", "hoffmann" },
};
static const struct nm pl_given[] = {
	{ "Łukasz", "lukasz" }, { "Małgorzata", "malgorzata" }, { "Wojciech", "wojciech" },
	{ "Agnieszka", "agnieszka" }, { "Jiří", "jiri" }, { "Tomáš", "tomas" }, { "Zuzana", "zuzana" },
	{ "Dragoș", "dragos" }, { "Ivana", "ivana" }, { "Miloš", "milos" },
};
/* Surnames that do not change with gender, so any given name fits. */
static const struct nm pl_family[] = {
	{ "Nowak", "nowak" }, { "Dvořák", "dvorak" }, { "Horváth", "horvath" },
	{ "Kowalczyk", "kowalczyk" }, { "Wójcik", "wojcik" }, { "Kaczmarek", "kaczmarek" },
	{ "Popescu", "popescu" }, { "Petrović", "petrovic" }, { "Szabó", "szabo" },
	{ "Łukaszewicz", "lukaszewicz" },
};
static const struct nm zh_given[] = {
	{ "伟", "wei" }, { "娜", "na" }, { "静", "jing" }, { "敏", "min" }, { "磊", "lei" },
	{ "芳", "fang" }, { "强", "qiang" }, { "秀英", "xiuying" }, { "浩然", "haoran" }, { "思远", "siyuan" },
};
static const struct nm zh_family[] = {
	{ "王", "wang" }, { "李", "li" }, { "张", "zhang" }, { "刘", "liu" }, { "陈", "chen" },
	{ "杨", "yang" }, { "黄", "huang" }, { "赵", "zhao" }, { "欧阳", "ouyang" }, { "周", "zhou" },
};
static const struct nm ja_given[] = {
	{ "花子", "hanako" }, { "太郎", "taro" }, { "陽翔", "haruto" }, { "結衣", "yui" },
	{ "蓮", "ren" }, { "美咲", "misaki" }, { "大輝", "daiki" }, { "さくら", "sakura" },
	{ "健太", "kenta" }, { "愛子", "aiko" },
};
static const struct nm ja_family[] = {
	{ "佐藤", "sato" }, { "鈴木", "suzuki" }, { "高橋", "takahashi" }, { "田中", "tanaka" },
	{ "渡辺", "watanabe" }, { "伊藤", "ito" }, { "山本", "yamamoto" }, { "中村", "nakamura" },
	{ "小林", "kobayashi" }, { "長谷川", "hasegawa" },
};
static const struct nm ko_given[] = {
	{ "민준", "minjun" }, { "서연", "seoyeon" }, { "지호", "jiho" }, { "하은", "haeun" },
	{ "도윤", "doyun" }, { "수아", "sua" }, { "예준", "yejun" }, { "지우", "jiwoo" },
};
static const struct nm ko_family[] = {
	{ "김", "kim" }, { "이", "lee" }, { "박", "park" }, { "최", "choi" }, { "정", "jung" },
	{ "강", "kang" }, { "조", "cho" }, { "윤", "yoon" },
};
static const struct nm in_given[] = {
	{ "Aarav", "aarav" }, { "Priya", "priya" }, { "Rohan", "rohan" }, { "Ananya", "ananya" },
	{ "Vikram", "vikram" }, { "Deepika", "deepika" }, { "Arjun", "arjun" }, { "Kavya", "kavya" },
	{ "Lakshmi", "lakshmi" }, { "Siddharth", "siddharth" },
};
static const struct nm in_family[] = {
	{ "Sharma", "sharma" }, { "Patel", "patel" }, { "Iyer", "iyer" }, { "Reddy", "reddy" },
	{ "Nair", "nair" }, { "Chatterjee", "chatterjee" }, { "Venkataraman", "venkataraman" },
	{ "Subramanian", "subramanian" }, { "Gupta", "gupta" }, { "Bhattacharya", "bhattacharya" },
};
static const struct nm af_given[] = {
	{ "Chinedu", "chinedu" }, { "Ngozi", "ngozi" }, { "Kwame", "kwame" }, { "Amara", "amara" },
	{ "Oluwaseun", "oluwaseun" }, { "Wanjiru", "wanjiru" }, { "Tendai", "tendai" }, { "Kofi", "kofi" },
	{ "Thandiwe", "thandiwe" }, { "Yaw", "yaw" },
};
static const struct nm af_family[] = {
	{ "Okafor", "okafor" }, { "Adeyemi", "adeyemi" }, { "Mensah", "mensah" }, { "Kamau", "kamau" },
	{ "Ndlovu", "ndlovu" }, { "Okonkwo", "okonkwo" }, { "Boateng", "boateng" }, { "Abiodun", "abiodun" },
	{ "Achebe", "achebe" }, { "Mwangi", "mwangi" },
};
static const struct nm ar_given[] = {
	{ "Omar", "omar" }, { "Layla", "layla" }, { "Yusuf", "yusuf" }, { "Fatima", "fatima" },
	{ "Karim", "karim" }, { "Zeynep", "zeynep" }, { "Emre", "emre" }, { "Nour", "nour" },
	{ "Çağla", "cagla" }, { "Hamza", "hamza" },
};
static const struct nm ar_family[] = {
	{ "Haddad", "haddad" }, { "Al-Farsi", "al-farsi" }, { "Khoury", "khoury" }, { "Yılmaz", "yilmaz" },
	{ "Şahin", "sahin" }, { "Öztürk", "ozturk" }, { "Mansour", "mansour" }, { "El-Amin", "el-amin" },
	{ "Aydın", "aydin" }, { "Nasser", "nasser" },
};
static const struct nm pt_given[] = {
	{ "João", "joao" }, { "Conceição", "conceicao" }, { "Gonçalo", "goncalo" }, { "Inês", "ines" },
	{ "Thiago", "thiago" }, { "Luíza", "luiza" }, { "Caio", "caio" }, { "Mariana", "mariana" },
};
static const struct nm pt_family[] = {
	{ "Gonçalves", "goncalves" }, { "Magalhães", "magalhaes" }, { "Simões", "simoes" },
	{ "Araújo", "araujo" }, { "Brandão", "brandao" }, { "Assunção", "assuncao" },
	{ "Oliveira", "oliveira" }, { "Souza", "souza" },
};

#define CULTURE(g, f, o) { g, COUNT(g), f, COUNT(f), o }
enum { C_EN, C_ES, C_FR, C_DE, C_PL, C_ZH, C_JA, C_KO, C_IN, C_AF, C_AR, C_PT, C_COUNT };
static const struct culture cultures[C_COUNT] = {
	[C_EN] = CULTURE(en_given, en_family, WESTERN),
	[C_ES] = CULTURE(es_given, es_family, WESTERN),
	[C_FR] = CULTURE(fr_given, fr_family, WESTERN),
	[C_DE] = CULTURE(de_given, de_family, WESTERN),
	[C_PL] = CULTURE(pl_given, pl_family, WESTERN),
	[C_ZH] = CULTURE(zh_given, zh_family, EAST_TIGHT),
	[C_JA] = CULTURE(ja_given, ja_family, EAST_SPACED),
	[C_KO] = CULTURE(ko_given, ko_family, EAST_TIGHT),
	[C_IN] = CULTURE(in_given, in_family, WESTERN),
	[C_AF] = CULTURE(af_given, af_family, WESTERN),
	[C_AR] = CULTURE(ar_given, ar_family, WESTERN),
	[C_PT] = CULTURE(pt_given, pt_family, WESTERN),
};

/* How often each culture appears among a region's contacts (any scale). */
static const unsigned char region_mix[DR_COUNT_][C_COUNT] = {
	/*           EN  ES  FR  DE  PL  ZH  JA  KO  IN  AF  AR  PT */
	[DR_NA] =    { 45, 12,  3,  4,  3,  6,  2,  4, 10,  5,  4,  2 },
	[DR_EMEA] =  { 18,  8, 16, 18, 10,  2,  1,  1,  6,  8, 10,  2 },
	[DR_APAC] =  { 12,  1,  1,  1,  0, 28, 22, 16, 16,  1,  1,  1 },
	[DR_LATAM] = {  8, 50,  2,  2,  0,  2,  2,  0,  1,  1,  2, 30 },
};

static int
pick_culture(unsigned bits, enum demo_region region)
{
	unsigned total = 0, x;

	for (int c = 0; c < C_COUNT; c++)
		total += region_mix[region][c];
	x = bits % total;
	for (int c = 0; c < C_COUNT; c++) {
		if (x < region_mix[region][c])
			return c;
		x -= region_mix[region][c];
	}
	return C_EN;
}

static void
compose(const struct culture *c, const struct nm *given, const struct nm *family,
	struct demo_person *out)
{
	switch (c->order) {
	case WESTERN:
		snprintf(out->name, sizeof(out->name), "%s %s", given->disp, family->disp);
		break;
	case EAST_SPACED:
		snprintf(out->name, sizeof(out->name), "%s %s", family->disp, given->disp);
		break;
	case EAST_TIGHT:
		snprintf(out->name, sizeof(out->name), "%s%s", family->disp, given->disp);
		break;
	}
	snprintf(out->first_ascii, sizeof(out->first_ascii), "%s", given->ascii);
	snprintf(out->last_ascii, sizeof(out->last_ascii), "%s", family->ascii);
}

void
demo_person(uint64_t bits, enum demo_region region, struct demo_person *out)
{
	const struct culture *c = &cultures[pick_culture((unsigned)(bits & 0xffff), region)];

	compose(c, &c->given[(bits >> 16 & 0xffff) % (unsigned)c->ngiven],
		&c->family[(bits >> 32 & 0xffff) % (unsigned)c->nfamily], out);
}

/* The lead and the first CSMs are fixed so screenshots and docs are stable. */
static const struct { struct nm given, family; } staff[] = {
	{ { "Ingrid", "ingrid" }, { "Halvorsen", "halvorsen" } },    /* the lead */
	{ { "Priya", "priya" }, { "Raman", "raman" } },
	{ { "Mateo", "mateo" }, { "Fernández", "fernandez" } },
	{ { "Chloé", "chloe" }, { "Martin", "martin" } },
	{ { "Kwame", "kwame" }, { "Mensah", "mensah" } },
	{ { "Hannah", "hannah" }, { "Schröder", "schroeder" } },
	{ { "Daniel", "daniel" }, { "Park", "park" } },
	{ { "Aiko", "aiko" }, { "Tanaka", "tanaka" } },
	{ { "Liam", "liam" }, { "O'Connor", "oconnor" } },
	{ { "Sofía", "sofia" }, { "Herrera", "herrera" } },
	{ { "Mohammed", "mohammed" }, { "Al-Sayed", "al-sayed" } },
	{ { "Zoë", "zoe" }, { "Lindqvist", "lindqvist" } },
	{ { "Tomáš", "tomas" }, { "Novák", "novak" } },
};

void
demo_staff(int i, struct demo_person *out)
{
	static const struct culture western = { NULL, 0, NULL, 0, WESTERN };
	uint64_t z;

	if (i >= 0 && i < COUNT(staff)) {
		compose(&western, &staff[i].given, &staff[i].family, out);
		return;
	}
	/* splitmix64 finaliser: well-spread bits from the index alone. */
	z = (uint64_t)i * 0x9e3779b97f4a7c15u;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	demo_person(z ^ (z >> 31), (enum demo_region)(i % DR_COUNT_), out);
}

void
demo_login(const struct demo_person *p, char *out, size_t size)
{
	char raw[128];
	size_t n = 0;

	snprintf(raw, sizeof(raw), "%s.%s", p->first_ascii, p->last_ascii);
	for (const char *s = raw; *s && n + 1 < size; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '.')
			out[n++] = *s;
	out[n] = '\0';
}

/* -- companies ------------------------------------------------------------- */

const char *const demo_industries[] = {
	"Software", "Logistics", "Healthcare", "Financial Services", "Manufacturing", "Retail",
	"Energy", "Food & Beverage", "Telecommunications", "Education", "Media", "Engineering",
	"Utilities", "Agriculture", "Hospitality", "Insurance", NULL,
};
enum { I_SOFT, I_LOG, I_HEALTH, I_FIN, I_MFG, I_RETAIL, I_ENERGY, I_FOOD, I_TEL, I_EDU,
	I_MEDIA, I_ENG, I_UTIL, I_AGRI, I_HOSP, I_INS };

/* The last word of a generated name says what the company does. */
static const struct { const char *word; int industry; } trades[] = {
	{ "Analytics", I_SOFT }, { "Software", I_SOFT }, { "Systems", I_SOFT }, { "Labs", I_SOFT },
	{ "Logistics", I_LOG }, { "Freight", I_LOG }, { "Health", I_HEALTH }, { "Clinics", I_HEALTH },
	{ "Capital", I_FIN }, { "Bank", I_FIN }, { "Manufacturing", I_MFG }, { "Robotics", I_MFG },
	{ "Outfitters", I_RETAIL }, { "Markets", I_RETAIL }, { "Energy", I_ENERGY }, { "Solar", I_ENERGY },
	{ "Foods", I_FOOD }, { "Brewing", I_FOOD }, { "Telecom", I_TEL }, { "Learning", I_EDU },
	{ "Media", I_MEDIA }, { "Engineering", I_ENG }, { "Water", I_UTIL }, { "Farms", I_AGRI },
	{ "Hotels", I_HOSP }, { "Insurance", I_INS }, { "Mutual", I_INS }, { "Biotech", I_HEALTH },
};
static const char *const adjectives[] = {
	"Blue", "Bright", "Northern", "Silver", "Summit", "Cedar", "Granite", "Evergreen",
	"Pioneer", "Redwood", "Iron", "Crystal", "Golden", "Quantum", "Lumen", "Atlas", "Beacon",
	"Canyon", "Copper", "Meridian", "Orchard", "Prairie", "Sterling", "Tidal", "Vertex",
	"Willow", "Zenith", "Coastal", "Keystone", "Harbor", "Polar", "Juniper", "Amber", "Falcon",
	"Hollow", "Lantern", "Maple", "Nimbus", "Oak", "Pacific", "Quarry", "Saffron", "True",
	"Union", "Velvet", "Westward",
};
static const char *const nouns[] = {
	"Harbor", "Peak", "River", "Bridge", "Field", "Stone", "Ridge", "Point", "Grove", "Crest",
	"Forge", "Valley", "Haven", "Works", "Path", "Wave", "Line", "Gate", "Spring", "Leaf",
	"Rock", "Light", "Port", "Mill", "Bay", "Creek", "Dale", "Fern", "Hill", "Loop", "Mesa",
	"Sky",
};
static const char *const surnames[] = {
	"Hartley", "Moss", "Whitaker", "Pemberton", "Ashford", "Kline", "Delgado", "Nakamura",
	"Osei", "Lindqvist", "O'Reilly", "McAllister", "Fitzgerald", "Vance", "Holt", "Brandt",
	"Abernathy", "Bishop", "Calloway", "Drummond", "Ellison", "Farrow", "Galloway", "Hendricks",
	"Ibarra", "Jennings", "Kowalski", "Lockwood", "Marlowe", "Northcott", "Okoye", "Prescott",
	"Quinlan", "Rutherford", "Sinclair", "Thornton", "Underwood", "Vasquez", "Winslow", "Yates",
};
static const char *const legal[] = {
	"Inc.", "LLC", "Ltd", "Group", "Corp.", "Co.", "Holdings", "", "", "",
};
static const char *const cities[] = {
	"Minneapolis", "Rotterdam", "Melbourne", "Saskatoon", "Guadalajara", "Johannesburg",
	"Edinburgh", "Pittsburgh",
};

struct special {
	const char *name;
	const char *domain;
	enum demo_region region;
	int industry;
};

static const struct special accented[] = {
	{ "Société Générale des Eaux", "sgeaux", DR_EMEA, I_UTIL },
	{ "Müller & Söhne GmbH", "mueller-soehne", DR_EMEA, I_MFG },
	{ "Ñandú Logística", "nandu-logistica", DR_LATAM, I_LOG },
	{ "Øresund Bryggeri A/S", "oresund-bryggeri", DR_EMEA, I_FOOD },
	{ "Złote Pola Sp. z o.o.", "zlote-pola", DR_EMEA, I_AGRI },
	{ "Čokoládovna Brno s.r.o.", "cokoladovna-brno", DR_EMEA, I_FOOD },
	{ "Lumière Analytique SARL", "lumiere-analytique", DR_EMEA, I_SOFT },
	{ "São Paulo Têxtil Ltda.", "sp-textil", DR_LATAM, I_MFG },
	{ "Þórsson Verkfræði ehf.", "thorsson", DR_EMEA, I_ENG },
	{ "Dvořák Ingeniería S.L.", "dvorak-ingenieria", DR_EMEA, I_ENG },
	{ "Crème Brûlée Pâtisserie", "creme-brulee", DR_EMEA, I_FOOD },
	{ "İstanbul Gıda A.Ş.", "istanbul-gida", DR_EMEA, I_FOOD },
	{ "Ελληνικά Δίκτυα Α.Ε.", "ellinika-diktya", DR_EMEA, I_TEL },
	{ "Волга Логистик", "volga-logistik", DR_EMEA, I_LOG },
	{ "Café Açaí Comércio Ltda.", "cafe-acai", DR_LATAM, I_RETAIL },
	{ "Åkesson Skog AB", "akesson-skog", DR_EMEA, I_AGRI },
	{ "Zürcher Präzisionstechnik AG", "zuercher-praezision", DR_EMEA, I_MFG },
	{ "Peñasco Telecomunicaciones S.A.", "penasco-telecom", DR_LATAM, I_TEL },
};
static const struct special cjk[] = {
	{ "山田製作所株式会社", "yamada-seisakusho", DR_APAC, I_MFG },
	{ "北京云海科技有限公司", "yunhai-tech", DR_APAC, I_SOFT },
	{ "푸른바다 물류 주식회사", "pureunbada", DR_APAC, I_LOG },
	{ "東京データ工房合同会社", "tokyo-data-kobo", DR_APAC, I_SOFT },
	{ "深圳星辰电子有限公司", "xingchen-dz", DR_APAC, I_MFG },
	{ "さくら医療サービス株式会社", "sakura-iryo", DR_APAC, I_HEALTH },
	{ "서울클라우드 주식회사", "seoul-cloud", DR_APAC, I_SOFT },
	{ "台北雲端資訊股份有限公司", "taipei-cloud", DR_APAC, I_SOFT },
	{ "上海明珠物流集团", "mingzhu-wuliu", DR_APAC, I_LOG },
	{ "大阪みらい食品株式会社", "osaka-mirai", DR_APAC, I_FOOD },
	{ "한강에너지 주식회사", "hangang-energy", DR_APAC, I_ENERGY },
};
/* All longer than 70 characters, to exercise truncation in every view. */
static const struct special longs[] = {
	{ "Llanfairpwllgwyngyll Regional Water, Sewerage and Environmental Services Cooperative "
	  "Society Limited", "llanfair-water", DR_EMEA, I_UTIL },
	{ "The Consolidated Amalgamated International Federation of Independent Agricultural "
	  "Cooperatives", "cafiac", DR_NA, I_AGRI },
	{ "Northern Territories Interprovincial Health Sciences and Biomedical Research Consortium "
	  "Incorporated", "ntihsbrc", DR_NA, I_HEALTH },
	{ "Compañía Española de Distribución y Almacenamiento Logístico Integral, Sociedad Anónima "
	  "Unipersonal", "cedali", DR_EMEA, I_LOG },
};

static void
slug(const char *words, char *out, size_t size)
{
	size_t n = 0;

	for (const char *s = words; *s && n + 1 < size; s++) {
		char ch = *s;

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			out[n++] = ch;
	}
	out[n] = '\0';
}

static void
from_special(const struct special *sp, enum demo_name_kind kind, struct demo_company *out)
{
	snprintf(out->name, sizeof(out->name), "%s", sp->name);
	snprintf(out->domain, sizeof(out->domain), "%s.example", sp->domain);
	out->region = sp->region;
	out->industry = demo_industries[sp->industry];
	out->kind = kind;
}

static enum demo_region
plain_region(unsigned bits)
{
	/* Most of the book is North American, as for a US vendor. */
	static const enum demo_region mix[10] = { DR_NA, DR_NA, DR_NA, DR_NA, DR_NA,
		DR_EMEA, DR_EMEA, DR_EMEA, DR_APAC, DR_LATAM };

	return mix[bits % 10];
}

static void
plain(uint64_t bits, struct demo_company *out)
{
	const char *adj = adjectives[(bits >> 8 & 0xff) % COUNT(adjectives)];
	const char *noun = nouns[(bits >> 16 & 0xff) % COUNT(nouns)];
	const char *sur1 = surnames[(bits >> 24 & 0xff) % COUNT(surnames)];
	const char *sur2 = surnames[(bits >> 32 & 0xff) % COUNT(surnames)];
	int trade = (int)((bits >> 40 & 0xff) % COUNT(trades));
	const char *lg = legal[(bits >> 48 & 0xff) % COUNT(legal)];
	const char *sep = *lg ? " " : "";
	char key[96];

	unsigned pattern = (unsigned)(bits & 0xff) % 20;

	if (sur1 == sur2)
		sur2 = surnames[((bits >> 32 & 0xff) + 1) % COUNT(surnames)];
	/* "Adjective Noun Trade" 35%, "Surname & Surname" 15%, brand 30%,
	 * "Surname Trade" 20%. */
	switch (pattern < 7 ? 0 : pattern < 10 ? 1 : pattern < 16 ? 2 : 3) {
	case 0:
		snprintf(out->name, sizeof(out->name), "%s %s %s%s%s", adj, noun, trades[trade].word, sep, lg);
		snprintf(key, sizeof(key), "%s%s", adj, noun);
		break;
	case 1:
		snprintf(out->name, sizeof(out->name), "%s & %s %s", sur1, sur2, trades[trade].word);
		snprintf(key, sizeof(key), "%s%s", sur1, sur2);
		break;
	case 2:
		/* "Bright" + "path": one word, as brands often are; a comma before
		 * "Inc." now and then keeps CSV quoting honest. */
		snprintf(out->name, sizeof(out->name), "%s%c%s %s%s", adj, noun[0] - 'A' + 'a', noun + 1,
			 trades[trade].word, (bits >> 56 & 7) == 0 ? ", Inc." : "");
		snprintf(key, sizeof(key), "%s%s%s", adj, noun, trades[trade].word);
		break;
	default:
		snprintf(out->name, sizeof(out->name), "%s %s%s%s", sur1, trades[trade].word, sep, lg);
		snprintf(key, sizeof(key), "%s%s", sur1, trades[trade].word);
		break;
	}
	slug(key, out->domain, sizeof(out->domain) - 8);
	strcat(out->domain, ".example");
	out->region = plain_region((unsigned)(bits >> 59));
	out->industry = demo_industries[trades[trade].industry];
	out->kind = DN_PLAIN;
}

static void
long_name(uint64_t bits, struct demo_company *out)
{
	unsigned k = (unsigned)(bits >> 8) % (COUNT(longs) + 1);
	char key[64];

	if (k < COUNT(longs)) {
		from_special(&longs[k], DN_LONG, out);
		return;
	}
	plain(bits, out);
	snprintf(key, sizeof(key), "%s", out->domain);
	snprintf(out->name, sizeof(out->name),
		 "%s %s %s International Holdings and Strategic Investments Group of %s",
		 adjectives[(bits >> 16 & 0xff) % COUNT(adjectives)], nouns[(bits >> 24 & 0xff) % COUNT(nouns)],
		 trades[(bits >> 32 & 0xff) % COUNT(trades)].word, cities[(bits >> 40 & 0xff) % COUNT(cities)]);
	snprintf(out->domain, sizeof(out->domain), "intl-%.50s", key);
	out->kind = DN_LONG;
}

void
demo_company(uint64_t bits, int index, struct demo_company *out)
{
	/* The first accounts show one of each kind; after that the residues
	 * give ~3% accented, ~2% CJK and ~1.5% long names. */
	if (index == 1 || index % 31 == 7)
		from_special(&accented[(bits >> 8) % COUNT(accented)], DN_ACCENTED, out);
	else if (index == 2 || index % 43 == 11)
		from_special(&cjk[(bits >> 8) % COUNT(cjk)], DN_CJK, out);
	else if (index == 3 || index % 67 == 19)
		long_name(bits, out);
	else
		plain(bits, out);
}

/* -- fixed lists ----------------------------------------------------------- */

const char *const demo_account_managers[] = {
	"Pat Morgan", "Renée Dubois", "Sam Whitfield", "Keiko Mori", "Diego Santos", "Fatima Zahra",
	NULL,
};
const char *const demo_renewal_managers[] = { "Jordan Blake", "Maja Nowak", "Alex Kim", NULL };
const char *const demo_partners[] = {
	"Brightline Channel Partners", "Meridian Resellers", "Kestrel Solutions", "Orbis Consulting GmbH",
	"Sakura Systems Integration", NULL,
};

/* Titles by contact role, in contact_role_names order. */
static const char *const titles[8][4] = {
	{ "Chief Operating Officer", "VP Operations", "Chief Digital Officer", "Managing Director" },
	{ "Chief Financial Officer", "VP Finance", "Head of Procurement", "Finance Director" },
	{ "Director of Operations", "Head of Customer Operations", "Program Lead", "Head of Analytics" },
	{ "VP Engineering", "Chief Information Officer", "Head of IT", "VP Product" },
	{ "Project Manager", "PMO Lead", "Implementation Lead", "Delivery Manager" },
	{ "Systems Administrator", "IT Manager", "Platform Owner", "IT Operations Lead" },
	{ "Senior Analyst", "Operations Specialist", "Team Lead", "Data Analyst" },
	{ "Analyst", "Coordinator", "Associate", "Specialist" },
};

const char *
demo_title(int role, uint64_t bits)
{
	if (role < 0 || role >= 8)
		role = 7;
	return titles[role][bits % 4];
}
