"""Blind dialogue set D (issue #18 §1-§5): 80 conversations written from the issue, README.md, docs/chat.md
and the harness (tests/dialogue_eval.py) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by their writer.

The people are other villagers of 海东 than in sets A, B and C: a Hui grandmother from 化隆 visiting her
daughter, a Tu family in 互助, a young mother whose baby has 先天性心脏病, a herdsman's son working in 西宁, a
village accountant registering an old household, a retired teacher, a man whose 低保 was cut, a widow whose late
husband's 养老金 is still drawn by someone, the neighbour of a road contractor, someone angry, someone very
polite, someone who only sends fragments. They write dialect (啥, 咋, 阿么, 娃, 尕娃, 俺, 整, 莫, 些, 一哈,
庄廓, 家里人), typos and same-sound voice-input errors (举包, 反应, 地保 for 低保, 人攻 for 人工), full-width
digits, Chinese numerals, no punctuation, long voice run-ons, fragments, emoji and mixed turns.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_d`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    HCHECK,
    HHELP,
    HKIND,
    HOFFER,
    HPEOPLE,
    HPHONE,
    HWHAT,
    HWHEN,
    LIST,
    MENUQ,
    MORE,
    NAMEGIVE,
    NAMEQ,
    OFFER,
    PIC,
    TELL,
    TRACKQ,
    WHO,
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

_d = held_out("bd")


def _asks() -> list[Dialogue]:
    """Asking to report in many wordings (20), then the category and the story when asked."""
    return [
        _d(
            "ask-fanying-wide",
            "report",
            "report;anon=1;keep=草场",
            "俺想反映个事情",
            (ASKCAT, "{optw:其他}"),
            (TELL, "村上把俺们社的草场租出去了 租给谁了租金多少 一句也没给俺们说"),
            *rest(more="就这些"),
        ),
        _d(
            "ask-jubao-homophone",
            "report",
            "report;cat=优亲厚友;keep=监测户",
            "举包",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "三社社长把他亲家评成监测户了 人家在城里有楼房"),
            *rest(more="说完了", pic="莫有"),
        ),
        _d(
            "ask-fanying-typo",
            "report",
            "report;anon=1",
            "我要反应问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村会计把产业扶持的钱扣了一部分 每户少给了五百块"),
            *rest(more="没了", pic="没拍"),
        ),
        _d(
            "ask-gao-accountant",
            "report",
            "report;keep=会计",
            "我要告我们村的会计",
            (ASKCAT, "{optc:资金}"),
            (TELL, "会计做假账 去年的集体收入账上少了好几万 问他他说花了"),
            *rest(),
        ),
        _d(
            "ask-jiefa",
            "report",
            "report;anon=1;drop=跳过",
            "揭发村干部",
            (ASKCAT, "{opth:其他}"),
            (TELL, "村主任天天不在村上 办事找不着人 盖个章要跑七八趟"),
            *rest(pic="跳过", name="匿名"),
        ),
        _d(
            "ask-jianju-polite",
            "report",
            "report;anon=1;keep=补贴",
            "您好，请问在哪里检举？",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "您好，我们村的耕地地力补贴，村干部家里的都多报了面积，我们的反而少了，麻烦您们核查一下，谢谢。"),
            *rest(more="好了，谢谢", name="2"),
        ),
        _d(
            "ask-baoguang-angry",
            "report",
            "report",
            "我要曝光！！你们管不管",
            (ASKCAT, "{opt:其他}"),
            (TELL, "支书的儿子开着村上的车到处跑 油钱村上报 这像话吗"),
            *rest(more="就这么个事", pic="没有照片"),
        ),
        _d(
            "ask-shuo-ge-shi",
            "report",
            "report;anon=1",
            "我要说个事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上收了每户一百块的水费 说是修水管 水管到现在也没修"),
            *rest(more="嗯 说完了"),
        ),
        _d(
            "ask-how-dont-know",
            "report",
            "report;keep=危房",
            "咋举报哩 俺不会整",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "危房改造的名额 俺家房子都裂缝了没评上 村长他弟家新房子评上了"),
            *rest(pic="没"),
        ),
        _d(
            "ask-anonymous-first",
            "report",
            "report;anon=1",
            "能不能匿名反映 怕村上知道了给俺穿小鞋",
            (ASKCAT, "{opt:其他}"),
            (TELL, "村文书办个证明要收五十块钱 不给就说章不在"),
            *rest(name="匿名 匿名"),
        ),
        _d(
            "ask-menu-three",
            "report",
            "report;anon=1",
            "菜单",
            (MENUQ, "３"),
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里打的机井打了一半就停了 钱说是已经花完了"),
            *rest(),
        ),
        _d(
            "ask-tousu-wordorder",
            "report",
            "report;anon=1",
            "村干部 我要投诉",
            (ASKCAT, "{opt:其他}"),
            (TELL, "换届的时候村主任挨家挨户送米送油 让投他的票"),
            *rest(more="完了", pic="没有", name="不留名字"),
        ),
        _d(
            "ask-jiwei",
            "report",
            "report",
            "有个情况想给纪委说一哈",
            (ASKCAT, "{opt:资金}"),
            (TELL, "乡上发的化肥补助 村上留了一半 剩下的才分给俺们"),
            *rest(more="就这些了"),
        ),
        _d(
            "ask-real-name",
            "report",
            "report;anon=0;keep=合作社",
            "我要实名举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上的合作社分红 三年了一分钱没见着 账也不公开"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "韩永福 13897214563"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ask-exclaim-emoji",
            "report",
            "report;anon=1",
            "举报😡😡😡",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "残疾人补贴 俺爹是二级残疾没给 村长他舅好好的倒领上了"),
            *rest(),
        ),
        _d(
            "ask-xiexin",
            "report",
            "report;anon=1;keep=退耕还林",
            "想给上面写个举报信",
            (ASKCAT, "{opt:资金}"),
            (TELL, "退耕还林的钱 俺家的五亩地 钱打到别人折子上去了"),
            *rest(more="没有了"),
        ),
        _d(
            "ask-teacher-long",
            "report",
            "report;anon=0",
            "我是退休教师，想反映一下村里的问题，不知道这里可以不可以。",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里新建的文化广场，去年验收的，今年地砖已经全部松动了，健身器材也坏了一半，希望查一查施工质量。"),
            (MORE, "没有要补充的了"),
            (WHO, "{opt:不清楚}"),
            (PIC, "没有照片"),
            (NAMEQ, "实名"),
            (NAMEGIVE, "王德明 13709726688"),
            (CHECK, "提交"),
        ),
        _d(
            "ask-tu-family",
            "report",
            "report;anon=1",
            "阿么举报哩",
            (ASKCAT, "{optc:其他}"),
            (TELL, "俺们庄廓这边的自来水 工程队装了一半就走了 村上说钱已经给人家结了"),
            *rest(more="就这么多"),
        ),
        _d(
            "ask-two-messages",
            "report",
            "report;anon=1;keep=养殖",
            "在吗",
            "我想投诉个事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "养殖补贴 村上报的是俺家养了二十头牛 俺家就三头 多出来的钱不知道谁拿了"),
            *rest(),
        ),
        _d(
            "ask-cadre-town",
            "report",
            "report;anon=1",
            "反映乡上的干部",
            (ASKCAT, "{opt:其他}"),
            (TELL, "乡上一个干部来村里检查 吃饭喝酒都让村上掏钱 掏完了报成误工补助"),
            *rest(who="{opt:乡镇}"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story (14): offered as a report, kept, then the later steps."""
    return [
        _d(
            "widow-pension",
            "report",
            "report;keep=养老金",
            "俺男人前年腊月就没了 他的养老金到现在每个月还有人在领 俺去问村上 村上说不知道",
            (OFFER, "{opt:开始反映}"),
            *rest(more="好了", pic="没有"),
        ),
        _d(
            "dibao-cut",
            "report",
            "report;anon=1;keep=低保",
            "俺家的地保去年给停了 说俺家有车 俺家哪来的车 会计他兄弟家两辆车 低保还吃着呢",
            (OFFER, "1"),
            *rest(more="就这些"),
        ),
        _d(
            "grassland-lease",
            "report",
            "report;keep=草场",
            "村主任把俺们社的草场偷偷租给外村人了 租金一分也没给俺们",
            (OFFER, "对 我要反映"),
            *rest(),
        ),
        _d(
            "contractor-neighbour",
            "report",
            "report;anon=1;keep=水泥",
            "俺隔壁就是修村道的包工头 他拉来的水泥都是掺了土的 路才铺上就起皮了 村上还给他验收了",
            (OFFER, "{opt:开始反映}"),
            *rest(pic="没拍照", name="匿名"),
        ),
        _d(
            "house-favour",
            "report",
            "report;anon=1",
            "危房改造名额全给了支书家亲戚 俺家房子裂成那样了都没评上",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "grass-subsidy-fee",
            "report",
            "report;anon=1;keep=三百",
            "草原补奖发下来 村会计每户扣了三百 说是啥手续费",
            (OFFER, "１"),
            *rest(more="没了"),
        ),
        _d(
            "dead-grandmother",
            "report",
            "report;anon=1;keep=高龄补贴",
            "庄子里马家阿奶都无常三年了 高龄补贴还在发 钱她侄子领着呢 侄子就是村文书",
            (OFFER, "{opt:开始反映}"),
            *rest(),
        ),
        _d(
            "angry-drinking",
            "report",
            "report;anon=1",
            "你们到底管不管！！！社长天天喝酒 公家的钱拿去吃吃喝喝 老百姓的事一件也不办",
            (OFFER, "管 我要反映"),
            *rest(more="说完了", pic="没有"),
        ),
        _d(
            "polite-monitoring",
            "report",
            "report;anon=1;keep=监测户",
            "您好，打扰您了。我们村今年的监测户评定不太公平，村干部的亲戚评上了，真正困难的人家没评上。谢谢您！",
            (OFFER, "{opt:开始反映}"),
            *rest(more="好的，说完了，谢谢", name="匿名吧"),
        ),
        _d(
            "voice-canal",
            "report",
            "report;anon=1;keep=水渠",
            "就是那个我们村去年修的那个水渠嘛说是花了四十多万结果那个水渠修了一半就不修了钱也不知道去哪了"
            "问村上村上也不说问乡上乡上说不知道",
            (OFFER, "{opt:开始反映}"),
            *rest(more="嗯就是这个事情"),
        ),
        _d(
            "fragments",
            "report",
            "report;anon=1",
            "村长",
            "把俺家的补贴",
            "扣下了 不给",
            (OFFER, "{opt:开始反映}"),
            *rest(more="嗯"),
        ),
        _d(
            "fake-accounts-emoji",
            "report",
            "report;anon=1;keep=两回",
            "😡村会计做假账 把修路的钱报了两回",
            (OFFER, "{opt:开始反映}"),
            *rest(),
        ),
        _d(
            "tu-farmland",
            "report",
            "report;anon=1;keep=亩",
            "我们土族庄廓这边的耕地补贴 社长给他自己家多报了十几亩 俺们的倒少报了",
            (OFFER, "嗯 是的"),
            *rest(),
        ),
        _d(
            "gift-for-dibao",
            "report",
            "report;anon=1",
            "办个低保还得请村干部吃饭 送了两条烟才给报上去 不送的就报不上",
            (OFFER, "{opt:开始反映}"),
            *rest(more="就这样", check="1"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's hardship (10): its own script, a phone required, own or on someone's behalf."""
    return [
        _d(
            "heart-baby",
            "hardship",
            "hardship;anon=0",
            "娃生下来就是先天性心脏病 大夫说要做手术 十几万 俺们实在拿不出来",
            (HOFFER, "{opt:登记}"),
            *help_asked("{opt:我自己家}", "{opt:大病}", "今年正月", "四口人", "看病的钱 想申请大病救助", "13519720345"),
        ),
        _d(
            "accountant-for-elder",
            "hardship",
            "hardship;anon=0",
            "我是村上的会计 替我们社一个老人登记一下 老汉一个人过 瘫在炕上了 没人管",
            (HOFFER, "1"),
            (WHOSE, "{opt:别人家}"),
            ("户主|叫什么|叫啥", "李成山 七十六了"),
            (HKIND, "{opt:残疾}"),
            (HWHEN, "去年冬天"),
            (HPEOPLE, "1"),
            (HHELP, "需要人照顾 生活费也没有"),
            (HPHONE, "打我的电话 18997106321"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "hui-grandmother",
            "hardship",
            "hardship",
            "俺老汉去年冬天无常了 儿子在外头打工摔断了腿 家里现在啥收入也没有了",
            (HOFFER, "1"),
            *help_asked("俺家", "{opt:意外}", "去年冬天", "五个人", "临时救助", "１３８９７２２４５６１"),
        ),
        _d(
            "herdsman-son-xining",
            "hardship",
            "hardship",
            "我在西宁打工 厂子倒闭了 家里阿大阿妈还有两个尕娃都靠我 现在一分钱也挣不上",
            (HOFFER, "{opt:登记}"),
            *help_asked("我家", "{opt:失业}", "上个月", "6口", "找个工作", "我的手机 138 9720 5566"),
        ),
        _d(
            "hail",
            "hardship",
            "hardship",
            "前天下冰雹 俺家的洋芋和油菜全打完了 一年白干了",
            (HOFFER, "要登记"),
            *help_asked("自己家", "{opt:灾害}", "前天", "三口", "想要点救助 买种子", "15297014478"),
        ),
        _d(
            "apply-monitoring",
            "hardship",
            "hardship",
            "我想申请防返贫监测户",
            (HOFFER, "1"),
            (WHOSE, "{opt:我自己家}"),
            (HWHAT, "老婆得了尿毒症 一个礼拜透析两回 钱都花光了"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "前年开始的"),
            (HPEOPLE, "四个"),
            (HHELP, "看病报销 娃上学的资助"),
            (HPHONE, "13619723345"),
            (HCHECK, "提交"),
        ),
        _d(
            "fire",
            "hardship",
            "hardship",
            "家里着火了 房子烧了一半 铺盖衣裳全烧了 现在住在亲戚家",
            (HOFFER, "{opt:登记}"),
            *help_asked("{opt:我自己家}", "{opt:意外}", "这个月初", "一家五口", "修房子 临时救助", "电话18709724410"),
        ),
        _d(
            "tuition-crying",
            "hardship",
            "hardship",
            "两个娃都考上大学了😭学费生活费凑不齐 借也借不上了",
            (HOFFER, "1"),
            *help_asked("俺家", "{opt:上学}", "今年八月", "4个人", "娃上学的资助", "13997125563"),
        ),
        _d(
            "neighbour-disabled",
            "hardship",
            "hardship",
            "邻居家男人干活出了事故 腿没了 现在干不了活 娃还小 他们不会用手机 我替他们说一下",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:别人家}"),
            ("户主|叫什么|叫啥", "祁永红家"),
            (HKIND, "{opt:残疾}"),
            (HWHEN, "今年三月"),
            (HPEOPLE, "3口人"),
            (HHELP, "残疾补贴 还有低保"),
            (HPHONE, "他家没有手机 打我的13897346621"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "via-category",
            "hardship",
            "hardship",
            "我要反映",
            (ASKCAT, "{opt:困难}"),
            (HOFFER, "1"),
            (HWHAT, "俺爹脑梗了 瘫了 俺得在家伺候 出不去打工"),
            (WHOSE, "{opt:我自己家}"),
            (HWHAT, "俺爹脑梗了 瘫了 俺得在家伺候 出不去打工"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "去年九月"),
            (HPEOPLE, "五口"),
            (HHELP, "看病报销"),
            (HPHONE, "15809720876"),
            (HCHECK, "{opt:提交}"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person (7): the question reaches the staff's queue, with when they answer."""
    return [
        _d("rengong", "person", "human", "人工", (ASKQ, "俺家的养老保险咋断了两年 还能补交不")),
        _d("rengong-homophone", "person", "human", "人攻", (ASKQ, "临时救助批下来了没有 啥时候到账")),
        _d("real-person", "person", "human", "有没有真人啊 机器听不懂俺说的话", (ASKQ, "俺想问问草原补奖今年发不发")),
        _d(
            "find-cadre-inline",
            "person",
            "human",
            "我要找干部问个事 俺娘的高龄补贴咋停了",
            (ASKQ, "俺娘的高龄补贴咋停了"),
        ),
        _d("kefu", "person", "human", "客服在不在", (ASKQ, "娃的雨露计划申请交上去两个月了咋没消息")),
        _d(
            "after-question",
            "person",
            "human",
            "外出务工的交通补助咋领",
            "转人工",
            (ASKQ, "外出务工的交通补助咋领 俺在西宁打工"),
        ),
        _d("guanshi", "person", "human", "叫个管事的人来", (ASKQ, "俺家的危房改造款啥时候能发")),
    ]


def _projects() -> list[Dialogue]:
    """The village's own money (7): the published projects, a project's details, a doubt on one."""
    return [
        _d("road-money", "projects", "projects", "修路的钱到底花了多少"),
        _d("canal-spent", "projects", "projects", "村里的水渠花了多少钱"),
        _d("village-projects", "projects", "projects", "村里的项目在哪看"),
        _d("collective-income", "projects", "projects", "俺们村集体收入有多少 咋分的"),
        _d("menu-then-word", "projects", "projects", "菜单", (MENUQ, "项目公开")),
        _d("road-detail", "projects", "detail", "村里修路的钱去哪了", (LIST, "{opt:道路}")),
        _d(
            "road-doubt",
            "projects",
            "report;keep=偷工减料",
            "村上今年的项目都有些啥",
            (LIST, "{opt:道路}"),
            ("反映", "这个路才修了没多久就坑坑洼洼的 包工头偷工减料"),
            (OFFER, "{opt:开始反映}"),
            *rest(who="{opt:不清楚}"),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a case (7) with the number and code in the shapes people send them."""
    return [
        _d("plain", "track", "case", "{n} {c}"),
        _d("ask-then-wide", "track", "case", "查一哈进度", (TRACKQ, "{nf}　{cf}")),
        _d("code-first-lines", "track", "case", "查询码{c}\n编号{n}"),
        _d("chinese-punct", "track", "case", "编号：{n}，查询码：{c}。"),
        _d("no-dashes", "track", "case", "俺的案子到哪一步了", (TRACKQ, "{nd} {c}")),
        _d("code-later", "track", "case", "帮俺查一下{n}", ("查询码", "{cs}")),
        _d("long-number", "track", "notcase", "{p1}-{p2}-{p3}7 {c}"),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk (6): a short, warm answer and the menu, never 回答不了."""
    return [
        _d("hello", "smalltalk", "menu", "你好"),
        _d("zaima", "smalltalk", "menu", "在吗？？"),
        _d("thanks-hard-work", "smalltalk", "menu", "谢谢你们 辛苦了🙏"),
        _d("thumbs", "smalltalk", "menu", "👍👍"),
        _d("received", "smalltalk", "menu", "好的 收到"),
        _d("salaam", "smalltalk", "menu", "色俩目 你好呀"),
    ]


def _navigation() -> list[Dialogue]:
    """Exits in every state (5): cancel, back, menu, help."""
    return [
        _d("cancel-in-report", "navigation", "cancel", "我要反映", (ASKCAT, "算了 不弄了")),
        _d("back-in-story", "navigation", "back", "投诉", (ASKCAT, "{opt:其他}"), (TELL, "上一步")),
        _d("menu-from-tracking", "navigation", "menu", "查进度", (TRACKQ, "回主菜单")),
        _d("help", "navigation", "help", "帮助"),
        _d("cancel-person", "navigation", "cancel", "转人工", (ASKQ, "不转了 没事了")),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions (4): answered; what cannot be helped offers both ways on (§1)."""
    return [
        _d("house-subsidy", "question", "answer", "危房改造一户能补多少钱"),
        _d("dibao-stopped", "question", "answer", "低保被取消了咋办"),
        _d("pension-premium", "question", "answer", "城乡居民养老保险一年交多少钱"),
        _d("bus-time", "question", "refusal", "西宁到化隆的班车几点发"),
    ]


def blind_d() -> list[Dialogue]:
    """The 80 dialogues of blind set D, all held out."""
    return [
        *_asks(),
        *_stories(),
        *_hardships(),
        *_persons(),
        *_projects(),
        *_tracking(),
        *_smalltalk(),
        *_navigation(),
        *_questions(),
    ]
