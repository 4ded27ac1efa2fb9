"""Blind dialogue set R (issue #18 §1-§5): 80 conversations written by helper "rwrite" on 2026-12-07
(about 11:03-11:07 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of tests/dialogue_blind_n.py for the
format) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/, villages/,
wechat/, storage/) or the other blind sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 平安 security guard writing on
his night shift (值班哩, 夜里), a bride newly married in from 甘肃 who does not know the local words (阿么
是啥意思？), a 撒拉族 man whose Chinese puts the verb last (钱书记拿上走了), a villager who keeps asking the
chat to repeat (再说一遍, 没看懂), a 贫困户 who takes the chat for 12345 (是12345吗), a woman who opens every
message with 你好 and closes it with 谢谢, someone whose voice input writes wrong homophones (举包, 村只书,
地保, 查寻今度), a 党支部 member who reports anonymously and is very afraid, an old man who answers with
dialect yes and no (能成, 不成, 要得, 莫要), and a 返乡 graduate who writes long formal paragraphs. They write
dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width digits,
Chinese numerals and emoji, answer steps in their own words (sometimes with more or less than asked),
change their mind, leave mid-way and ask about safety.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_r`.
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
    MORE,
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

_d = held_out("br")


def _report() -> list[Dialogue]:
    """Asking to report first, in many wordings, then answering each step in one's own words (12)."""
    return [
        _d(
            "guard-ask",
            "report",
            "report;anon=1;keep=门卫",
            "值班哩 夜里没事 想反映个事",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村主任把村委会门卫的活给他侄子了 一个月拿两千 人天天不来 俺们平安这边都知道"),
            *rest(more="就这些", pic="没有照片"),
        ),
        _d(
            "bride-ask",
            "report",
            "report;anon=1;keep=临时救助",
            "我刚嫁过来 不懂这边的话 我想投诉一下",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "我婆婆申请临时救助 村上说名额满了 结果村文书家里人拿上了"),
            *rest(more="说完了", who="{opt:村干部}", pic="没有"),
        ),
        _d(
            "salar-ask",
            "report",
            "report;anon=1;keep=羊",
            "我一个事情反映要哩",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "扶贫的羊 村长他的亲戚们给了 我们的没有 三年了"),
            *rest(more="好了", who="村上的", pic="莫有"),
        ),
        _d(
            "repeat-ask",
            "report",
            "report;anon=1;keep=补贴",
            "举报",
            (ASKCAT, "再说一遍 没看懂"),
            (ASKCAT, "第一个"),
            (TELL, "村上发的耕地地力补贴 俺家的少了三百 问会计他说不知道"),
            *rest(more="好了", pic="跳过"),
        ),
        _d(
            "caller-ask",
            "report",
            "report;anon=1;keep=危房",
            "喂 是12345吗 我要投诉村上",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "危房改造俺家房子都裂了没给评 支书家亲戚房子好好的评上了"),
            *rest(more="没了", pic="没有"),
        ),
        _d(
            "polite-ask",
            "report",
            "report;anon=1;keep=合作社",
            "你好，我想反映一个问题，谢谢",
            (ASKCAT, "你好，我说不上是哪类，是村里合作社的分红钱被村会计扣下了，谢谢"),
            *rest(more="你好，说完了，谢谢", pic="你好，没有照片，谢谢", check="{opt:提交}"),
        ),
        _d(
            "voice-ask",
            "report",
            "report;anon=1;keep=地保",
            "我要举包村只书",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村只书把地保给他自家兄弟办上了 他兄弟在城里有楼房哩"),
            *rest(more="好了", pic="没有"),
        ),
        _d(
            "party-ask",
            "report",
            "report;anon=1;keep=党费",
            "我是支部的 有个事想检举 千万莫说是我",
            (ASKCAT, "我也不知道算哪类 书记拿党费和村集体的钱吃饭 开的发票是买办公用品"),
            *rest(more="好了", pic="没有", name="匿名 一定要匿名"),
        ),
        _d(
            "oldman-ask",
            "report",
            "report;anon=1;keep=草山",
            "我告个状",
            (ASKCAT, "草山的事"),
            (TELL, "村上把集体的草山承包给外村人了 钱没给大家分 也没开会"),
            *rest(more="能成 就这些", pic="不成 没照片", name="名字莫要留"),
        ),
        _d(
            "graduate-ask",
            "report",
            "report;anon=0;keep=生态护林员",
            "您好，我是今年毕业返乡的大学生，希望通过本平台就村里的一个问题进行实名反映。",
            (ASKCAT, "{opt:优亲厚友}"),
            (
                TELL,
                "我村生态护林员岗位的选聘没有张榜公示，入选的三人均为村两委成员的直系亲属，"
                "而多户符合条件的脱贫户未被告知报名。",
            ),
            *rest(more="以上就是全部内容", pic="暂无", name="{opt:实名}", give="马晓东 13900004521"),
        ),
        _d(
            "guard-wide-digit",
            "report",
            "report;anon=1;keep=路灯",
            "３",
            (ASKCAT, "{optw:项目}"),
            (TELL, "村里装的太阳能路灯一半不亮 装了才几个月 俺晚上巡逻都看不见"),
            *rest(more="好了", who="{opt:村干部}", pic="没有"),
        ),
        _d(
            "bride-ask-chinese-digit",
            "report",
            "report;anon=1;keep=彩礼",
            "三",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "村干部说给我男人家办低保要先给他两千块钱 说是随彩礼的礼"),
            *rest(more="就这么多", pic="没有"),
        ),
    ]


def _story() -> list[Dialogue]:
    """Misconduct told as a story from the start, offered as a report to confirm (8)."""
    return [
        _d(
            "guard-story",
            "story",
            "report;anon=1;keep=工地",
            "我在镇上工地上看大门 工地是村上的项目 包工头说村主任拿了他五万块钱的好处",
            (OFFER, "1"),
            *rest(more="好了", pic="没有"),
        ),
        _d(
            "salar-story",
            "story",
            "report;anon=1;keep=书记拿上走了",
            "修桥的钱书记拿上走了 桥还没修哩",
            (OFFER, "{opt:开始反映}"),
            *rest(more="好了", who="村上的", pic="没有"),
        ),
        _d(
            "oldman-story",
            "story",
            "report;anon=1;keep=养老金",
            "组长把俺的养老金领上了 说是帮俺领 到现在没给俺",
            (OFFER, "能成"),
            *rest(more="能成", pic="没有", name="名字莫要"),
        ),
        _d(
            "voice-story",
            "story",
            "report;anon=1;keep=村长",
            "村长把我们组的退耕还林钱克口了每户扣了五百说是管理费没有收据",
            (OFFER, "{opt:开始反映}"),
            *rest(more="好了", pic="没有"),
        ),
        _d(
            "polite-story",
            "story",
            "report;anon=1;keep=监测户",
            "你好，我们村评监测户的时候，村主任把他女婿家评上了，他女婿家开着大车，谢谢",
            (OFFER, "{opt:开始反映}"),
            *rest(more="你好，好了，谢谢", pic="没有，谢谢"),
        ),
        _d(
            "caller-story",
            "story",
            "report;anon=1;keep=慰问",
            "12345吗 过年发的慰问米面油 村上的干部自己分了 俺们贫困户一袋也没见",
            (OFFER, "1"),
            *rest(more="好了", pic="没有"),
        ),
        _d(
            "graduate-story",
            "story",
            "report;anon=1;keep=产业扶持",
            "各位领导好。经本人了解，我村2025年到户产业扶持资金共计十二万元，按规定应发放给四十户脱贫户，"
            "但实际到账的仅有二十余户，其余款项去向不明，村委会对此未作任何公示。恳请有关部门予以核查。",
            (OFFER, "{opt:开始反映}"),
            *rest(more="以上即全部情况", pic="暂无证据", name="{opt:匿名}"),
        ),
        _d(
            "party-story",
            "story",
            "report;anon=1;keep=发展党员",
            "发展党员的时候书记只要他家门上的人 别人交了申请书好几年都不理 我是支部里的不敢出面",
            (OFFER, "{opt:开始反映}"),
            *rest(more="好了", pic="没有", name="匿名"),
        ),
    ]


def _hardship() -> list[Dialogue]:
    """A household's hardship, its own script, a phone always given (9)."""
    return [
        _d(
            "guard-hard",
            "hardship",
            "hardship;anon=0",
            "我夜里在厂里当保安 媳妇查出来尿毒症了 一个礼拜透析三回 家里两个娃上学 撑不住了",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "{opt:大病}", "今年八月", "四口", "看病报销 娃上学", "13900001357"),
        ),
        _d(
            "bride-hard",
            "hardship",
            "hardship;anon=0;keep=冰雹",
            "我们家今年的庄稼被冰雹打完了 一年白干了 我是刚嫁过来的 不知道找谁",
            (HOFFER, "{opt:登记}"),
            *help_asked("我们自己家", "{opt:自然灾害}", "今年七月", "6", "临时救助", "我男人的电话13800002468"),
        ),
        _d(
            "salar-hard",
            "hardship",
            "hardship;anon=0",
            "我的阿爸腿断了 车撞上了 活干不成了 家里的钱没有了",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "{opt:意外}", "上个月", "五个人", "看病的钱报销", "13700003579"),
        ),
        _d(
            "repeat-hard",
            "hardship",
            "hardship;anon=0",
            "娃他爸在外面打工的厂子倒闭了 工资也没拿上 家里没收入了",
            (HOFFER, "再说一遍"),
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "{opt:失业}", "十月份", "4", "找个活干", "13900002580"),
        ),
        _d(
            "caller-hard",
            "hardship",
            "hardship;anon=0",
            "12345吗 我是贫困户 今年又返了 老婆住院花了八万 借的钱还不上",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "{opt:大病}", "今年春上", "三口人", "大病救助", "13800001470"),
        ),
        _d(
            "neighbour-hard",
            "hardship",
            "hardship;anon=0",
            "你好，我邻居家阿奶一个人过，房子塌了一半，没人管，能不能帮她申请一下，谢谢",
            (HOFFER, "1"),
            *help_asked(
                "{opt:别人家}", "{opt:自然灾害}", "前几天下大雨", "1个人", "修房子 临时救助", "我的电话13900003691"
            ),
        ),
        _d(
            "voice-hard",
            "hardship",
            "hardship;anon=0",
            "俺家娃考上大学了学费一年六千多拿不出来俺男人又有病干不了重活想申请个帮服",
            (HOFFER, "1"),
            *help_asked("俺自己家", "{opt:上学}", "今年九月", "四口", "娃上学资助", "13700002244"),
        ),
        _d(
            "oldman-hard",
            "hardship",
            "hardship;anon=0",
            "老汉我七十八了 老伴瘫在炕上 儿子在外头不管 日子过不下去了",
            (HOFFER, "要得"),
            *help_asked("{opt:自己家}", "{opt:残疾}", "去年冬天", "两口", "有人照顾 低保", "娃的电话13800005566"),
        ),
        _d(
            "switch-hard",
            "hardship",
            "hardship;anon=0",
            "我要反映",
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT + "|" + TELL, "我男人开三轮翻到沟里了 腰断了 家里就靠他 现在一分钱收入都没有"),
            (HKIND, "{opt:意外}"),
            (HWHEN, "上个月"),
            (HPEOPLE, "5口"),
            (HHELP, "临时救助 看病报销"),
            (HPHONE, "13900007788"),
            (HCHECK, "{opt:提交}"),
        ),
    ]


def _person() -> list[Dialogue]:
    """Asking for a person, then (or with) the question (7)."""
    return [
        _d("guard-person", "person", "person", "转个真人", (ASKQ, "我夜班的工资村上聘的 三个月没发了 找谁")),
        _d(
            "caller-person",
            "person",
            "person",
            "我要找接线员",
            (ASKQ, "我家的低保去年停了 也没人说为啥 我想知道为啥停"),
        ),
        _d(
            "polite-person",
            "person",
            "person",
            "你好，能帮我找个工作人员吗，谢谢",
            (ASKQ, "你好，我想问我家的医保卡丢了去哪补，谢谢"),
        ),
        _d(
            "salar-person",
            "person",
            "human",
            "乡上的干部我找要哩 我的草原补贴的钱今年多少给 问要",
        ),
        _d(
            "oldman-person",
            "person",
            "person",
            "跟机器说不清楚 叫个人来",
            (ASKQ, "俺的高龄补贴咋一直没到卡上"),
        ),
        _d(
            "bride-person",
            "person",
            "person",
            "有没有人工客服呀",
            (ASKQ, "我户口从甘肃迁过来了 这边的医保咋办 要去哪里办"),
        ),
        _d(
            "graduate-person",
            "person",
            "human",
            "您好，我希望由工作人员答复以下问题：返乡大学生在本村创业，能否申请创业担保贷款及相关补贴？请转相关负责同志。",
        ),
    ]


def _navigation() -> list[Dialogue]:
    """Getting out of every kind of step with one's own words (8)."""
    return [
        _d("guard-nav-back", "navigation", "back", "3", (ASKCAT, "返回")),
        _d(
            "bride-nav-quit",
            "navigation",
            "cancel",
            "我要投诉",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "算了 不要了 我再想想"),
        ),
        _d("repeat-nav-help", "navigation", "help", "２", "没看懂 帮助"),
        _d("caller-nav-home", "navigation", "menu", "４", (TRACKQ, "首页")),
        _d(
            "oldman-nav-no",
            "navigation",
            "cancel",
            "俺家老伴病了 看病花了好几万 日子难过",
            (HOFFER, "莫要了"),
        ),
        _d(
            "party-nav-step",
            "navigation",
            "back",
            "我要检举",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "书记把低保给他妹妹家办上了"),
            (MORE, "好了"),
            (WHO, "上一步"),
        ),
        _d("voice-nav-exit", "navigation", "cancel", "找人工", (ASKQ, "退出")),
        _d("polite-nav-menu", "navigation", "menu", "你好，项目公开，谢谢", (LIST + "|项目", "你好，回主菜单，谢谢")),
    ]


def _projects() -> list[Dialogue]:
    """The village's own money and projects, their details and a doubt on one (8)."""
    return [
        _d("guard-proj", "projects", "projects", "俺们村修路花了多少钱 咋算的"),
        _d("salar-proj", "projects", "projects", "村里的钱哪里花了 我看要"),
        _d("voice-proj", "projects", "projects", "我想看一哈村里的象木公开"),
        _d(
            "graduate-proj",
            "projects",
            "detail",
            "您好，请问能否查看本村近年的项目资金使用情况？",
            (LIST + "|项目", "1"),
        ),
        _d("caller-proj", "projects", "detail", "村里修的路到底多少钱", (LIST + "|项目", "{opt:道路}")),
        _d("oldman-proj", "projects", "projects", "村上的集体收入一年多少 给俺说说"),
        _d(
            "bride-proj-page",
            "projects",
            "projects",
            "二",
            (LIST + "|项目", "更多"),
            (LIST + "|项目", "上一页"),
        ),
        _d(
            "party-proj-doubt",
            "projects",
            "report;cat=项目",
            "村里修路的钱我看一哈",
            (LIST + "|项目", "{opt:道路}"),
            ("反映", "这个路我有疑问 反映"),
            (TELL, "路面才铺了一年就裂了好几道缝 边上的排水沟也没修"),
            *rest(more="好了", pic="没有", name="匿名"),
        ),
    ]


def _track() -> list[Dialogue]:
    """Tracking a case by its number and code in every way they get typed (6)."""
    return [
        _d("guard-track", "track", "case", "查一下我反映的事 {n} {c}"),
        _d("bride-track", "track", "case", "４", (TRACKQ, "{nf}\n{cf}")),
        _d("voice-track", "track", "case", "查寻今度 编号{ns} 查询码{cs}"),
        _d("graduate-track", "track", "case", "您好，我想查询案件办理进度。案件编号：{n}；查询码：{c}。谢谢！"),
        _d("caller-track", "track", "case", "查进度", (TRACKQ, "{c} {nd}")),
        _d("oldman-track", "track", "notcase", "看一哈俺的事 {p1}-{p2}-{p3}1 {c}"),
    ]


def _choice() -> list[Dialogue]:
    """Choices as digits, full-width digits, Chinese numerals and the option's own words (6)."""
    return [
        _d("guard-choice", "choice", "projects", "项目公开"),
        _d("bride-choice", "choice", "case", "第四个", (TRACKQ, "{n} {c}")),
        _d("salar-choice", "choice", "answer", "一", (ASKQ + "|政策", "低保怎么申请 我问要")),
        _d("oldman-choice", "choice", "answer", "１", (ASKQ + "|政策", "养老保险一年交多少")),
        _d(
            "voice-choice",
            "choice",
            "report;anon=1;keep=渠",
            "反映问题",
            (ASKCAT, "{opth:项目}"),
            (TELL, "村里的水渠去年修的今年就塌了"),
            *rest(more="好了", pic="没有"),
        ),
        _d("polite-choice", "choice", "projects", "你好，2号，谢谢"),
    ]


def _smalltalk() -> list[Dialogue]:
    """Greetings, thanks and emoji get a warm word and the menu (6)."""
    return [
        _d("guard-small", "smalltalk", "menu", "值夜班哩 你们也还在吗"),
        _d("polite-small", "smalltalk", "menu", "你好"),
        _d("oldman-small", "smalltalk", "menu", "要得 要得 谢谢你们"),
        _d("bride-small", "smalltalk", "menu", "🙏🙏🙏"),
        _d("party-small", "smalltalk", "menu", "收到 辛苦了"),
        _d("repeat-small", "smalltalk", "menu", "好的好的👌"),
    ]


def _safety() -> list[Dialogue]:
    """Safety asked before and during a report; the question is never stored (6)."""
    return [
        _d(
            "party-safe-first",
            "safety",
            "report;anon=1;drop=知道;keep=入党",
            "我举报了支书会不会知道是我",
            "我要举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "书记收了人家的烟酒 答应给人家娃入党"),
            *rest(more="好了", pic="没有", name="匿名"),
        ),
        _d(
            "party-safe-step",
            "safety",
            "report;anon=1;drop=报复;keep=挪用",
            "我要反映",
            (ASKCAT, "我不懂分类 村委会挪用了修水窖的钱"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "匿名了他们能查出来吗 会不会报复我"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "bride-safe",
            "safety",
            "report;anon=1;drop=保密;keep=婆家",
            "反映的事保密吗 我怕婆家人知道",
            "那我反映一下",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村上给婆家评低保的时候让交了一千块钱 说是手续费"),
            *rest(more="好了", pic="没有", name="匿名"),
        ),
        _d(
            "salar-safe",
            "safety",
            "report;anon=1;drop=看见;keep=羊圈",
            "我反映了 村长看见能吗",
            "反映要",
            (ASKCAT, "羊圈的补助村长他的人给了 我的没有"),
            *rest(more="好了", pic="没有", name="名字不留"),
        ),
        _d(
            "guard-safe-story",
            "safety",
            "report;anon=1;keep=加油卡",
            "村主任拿村上的加油卡给他自家车加油 我举报了会不会被村里知道",
            (OFFER, "{opt:开始反映}"),
            *rest(more="好了", pic="没有", name="匿名"),
        ),
        _d(
            "oldman-safe",
            "safety",
            "report;anon=1;drop=报复;keep=宅基地",
            "俺反映了干部会报复俺不",
            "能成 那就反映",
            (ASKCAT, "宅基地的事 村上把俺家的宅基地批给别人了 收了人家的钱"),
            *rest(more="能成", pic="没有", name="名字莫要"),
        ),
    ]


def _question() -> list[Dialogue]:
    """Policy questions in these voices (4)."""
    return [
        _d("guard-q", "question", "answer", "医保住院了报销咋报 要啥材料"),
        _d("bride-q", "question", "answer", "外省嫁过来的 这边的新农合咋交"),
        _d("voice-q", "question", "answer", "危房该造咋申请"),
        _d("graduate-q", "question", "answer", "请问城乡居民基本养老保险的缴费档次有哪些？"),
    ]


def blind_r() -> list[Dialogue]:
    """The 80 dialogues of blind set R."""
    return [
        *_report(),
        *_story(),
        *_hardship(),
        *_person(),
        *_navigation(),
        *_projects(),
        *_track(),
        *_choice(),
        *_smalltalk(),
        *_safety(),
        *_question(),
    ]
