"""Blind dialogue set K (issue #18 §1-§5): 80 conversations written by helper "kwrite" on 2026-12-07
(about 00:45 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py) alone, without opening the code that answers them (bot/,
cases/, knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 撒拉族 woman with a noodle stall
in 循化, a 藏族 yak herder's son studying in 西宁 who writes for his family, a retired village accountant who
knows the rules, a widower raising a disabled son, a young couple who just built a house, a 回族 imam's
neighbour, a woman whose 低保 was cut after her son found work, a man who drives a tractor for hire, a 土族
singer in 互助, a 村医 who is also a Party member, a villager who sends one or two words at a time, and a
villager who writes long polite letters. They write dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 整, 尕),
typos, full-width digits, Chinese numerals and emoji, answer steps in their own words (sometimes with more
or less than asked), change their mind, leave mid-way and ask about safety.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_k`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    EXAMPLE,
    HOFFER,
    HWHAT,
    LIST,
    MORE,
    NAMEGIVE,
    NAMEQ,
    OFFER,
    PIC,
    TELL,
    TRACKQ,
    WHO,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

# A category question proper (a story's guessed category is shown as 类别 and not asked again).
PICKCAT = "哪一类|哪类|哪种问题|哪方面"

_d = held_out("bk")


def _asks() -> list[Dialogue]:
    """Report by asking first, then answering each step."""
    return [
        _d(
            "salar-noodle-fee",
            "report",
            "report;anon=1",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "俺在街上开个尕面馆 镇上的人每个月来收三百块卫生费 没有票据 不给就说要关门"),
            *rest(more="就这个事", pic="莫有拍", name="{opt:匿名}"),
        ),
        _d(
            "salar-noodle-safe",
            "report",
            "report;anon=1",
            "投诉",
            (ASKCAT, "收钱的事会不会叫镇上知道是俺说的"),
            (ASKCAT, "{opt:资金}"),
            (TELL, "摆摊的每家都叫交管理费 交了也不给收据 钱去哪了没人知道"),
            *rest(more="没了", name="{opt:匿名}"),
        ),
        _d(
            "herder-son-letter",
            "report",
            "report;keep=草原",
            "您好，我是在西宁上学的学生，替家里阿爸写几句。我要反映",
            (ASKCAT, "{opt:资金}"),
            (
                TELL,
                "我家在化隆放牦牛，家里的草原生态补奖这两年到手的比公示的少了将近一半，"
                "阿爸去问村上，社长说是统一扣的，但别的牧户没扣。阿爸不识字，这些都是我问清楚写的。",
            ),
            *rest(more="以上就是全部情况，谢谢", pic="暂时没有", name="{opt:匿名}"),
        ),
        _d(
            "accountant-realname",
            "report",
            "report;anon=0",
            "反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我在村上当了十几年会计 退下来以后看到村集体光伏收益的账对不上 二〇二五年少了四万多 没上村民大会"),
            *rest(
                more="我说完了",
                pic="账本复印件在我手上 现在不拍",
                name="{opt:实名}",
                give="韩德全 13997214586",
            ),
        ),
        _d(
            "accountant-dead-paid",
            "report",
            "report",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我们社里的老韩三年前就去世了 他的高龄补贴到现在还在打到一张卡上 不是他家人的卡"),
            *rest(more="完了", pic="无"),
        ),
        _d(
            "widower-son-subsidy",
            "report",
            "report;keep=残疾",
            "俺要投诉",
            (ASKCAT, "{opt:资金}"),
            (TELL, "俺娃是重度残疾 护理补贴村上说给了 俺折子上半年一分都莫见着"),
            *rest(more="就这些", pic="莫得", name="{opt:匿名}"),
        ),
        _d(
            "couple-house-fee",
            "report",
            "report",
            "我们想反映个事情",
            (ASKCAT, "{opt:资金}"),
            (TELL, "我俩今年刚盖的新房 危房改造补助批下来了 村主任说要拿出一千五给他 不然下一批就没我们"),
            *rest(more="差不多就这样", pic="有聊天截图 但现在发不了", name="{opt:匿名}"),
        ),
        _d(
            "couple-wife-changes",
            "report",
            "report;anon=1",
            "举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "宅基地批给村长侄子两块 我们排了三年一块都没批"),
            (MORE, "还有 他侄子那块本来是我们组的耕地"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "还是不写名字了 改成匿名"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "imam-neighbour-land",
            "report",
            "report",
            "阿訇家隔壁的 想反映个问题",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村上调整承包地 好地都分给了书记的亲房 我们几家分的都是山坡上的"),
            *rest(more="说完了"),
        ),
        _d(
            "tractor-wage",
            "report",
            "report",
            "开拖拉机的 我要反映",
            (ASKCAT, "{opt:项目}"),
            (TELL, "前年村里平整土地的项目雇我的拖拉机干了二十天 工钱到现在一分没给 项目早就验收了"),
            *rest(more="就这个", pic="跳过"),
        ),
        _d(
            "tractor-fullwidth",
            "report",
            "report",
            "３",
            (ASKCAT, "{optw:项目}"),
            (TELL, "村里打的机井才用了两个月就抽不上水了 当时说投了二十万"),
            *rest(more="好了", pic="没有"),
        ),
        _d(
            "doctor-fake-accounts",
            "report",
            "report;anon=1",
            "我是村医 也是党员 想反映问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里公益性岗位名单上有五个人 我给全村看病 这五个人有两个常年在外地打工 根本没上过岗 工资照发"),
            *rest(more="就是这些情况", pic="名单我可以后面补", name="{opt:匿名}"),
        ),
        _d(
            "doctor-ask-safety",
            "report",
            "report;anon=1",
            "我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "监测户的名单是支书一个人定的 他姐家条件好得很也进去了"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "谁能看到这个 支书会不会知道"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "oneword-deduct",
            "report",
            "report",
            "举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "扣钱"),
            (EXAMPLE, "低保 扣了二百"),
            *rest(more="好", pic="无", name="{opt:匿名}"),
        ),
        _d(
            "oneword-relative",
            "report",
            "report",
            "反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "社长 亲戚"),
            (EXAMPLE, "社长亲戚评上低保了"),
            *rest(more="完", pic="没", name="{opt:匿名}"),
        ),
        _d(
            "letter-writer",
            "report",
            "report",
            "尊敬的领导：您好！打扰您了。我是本村一名普通村民，有一件事情想向组织如实反映，恳请受理。",
            (ASKCAT, "{opt:项目}"),
            (
                TELL,
                "二〇二四年村里实施的饮水工程，管道埋得很浅，今年冬天冻裂了好几处，全社十几户吃不上自来水，"
                "向施工方反映多次无人答复。此致敬礼！",
            ),
            *rest(more="以上，感谢您的耐心", pic="暂无"),
        ),
        _d(
            "singer-road",
            "report",
            "report",
            "我要反映🙏",
            (ASKCAT, "{opt:项目}"),
            (TELL, "互助这边村里硬化的路 去年十月修好 今年一开春就起皮了 车一过全是坑"),
            *rest(more="好了👌", pic="没拍"),
        ),
        _d(
            "chinese-numeral-cat",
            "report",
            "report",
            "我要反映",
            (ASKCAT, "{optc:资金}"),
            (TELL, "村里卖集体林地的钱 说好了每户分一千 到现在都没分 问会计说用在村委会装修上了"),
            *rest(more="没啥了", pic="没有照片"),
        ),
        _d(
            "mind-change-restart",
            "report",
            "report",
            "我要举报",
            (ASKCAT, "算了"),
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上发的种子化肥补助 会计说一户收二十块运费 别的村都不收"),
            *rest(more="就这个"),
        ),
        _d(
            "typo-jubao",
            "report",
            "report",
            "我要举抱",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "产业奖补名单上全是村干部家里人 我们养了十几头牛的一家都没有"),
            *rest(more="就些了", pic="莫有"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story, without asking to report first."""
    return [
        _d(
            "s-son-work-cut",
            "story",
            "report",
            "俺儿子去打工了俺的低保就取消了 可村主任的兄弟开着小车还吃着低保",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(more="就这个", pic="没有"),
        ),
        _d(
            "s-dead-pension",
            "story",
            "report;keep=养老金",
            "隔壁马奶奶走了两年了 她的养老金还在领 是社长拿着她的卡",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="好了", pic="无", name="{opt:匿名}"),
        ),
        _d(
            "s-collective-money",
            "story",
            "report",
            "村集体的砂石场一年租金十几万 从来没公开过 书记说亏了",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="完了"),
        ),
        _d(
            "s-fake-names",
            "story",
            "report",
            "护林员名单里有三个人根本不是我们村的 工资月月发 是书记编出来的名字",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="就这么多"),
        ),
        _d(
            "s-fee-certificate",
            "story",
            "report",
            "去村委会开个证明都要给文书塞五十块 不给就说章不在",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="好", pic="没有"),
        ),
        _d(
            "s-pick-category",
            "story",
            "report",
            "搬迁安置房分房的时候 村干部自己家抽了最好的楼层 我们抽签都是走过场",
            (OFFER, "3"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(more="没了"),
        ),
        _d(
            "s-dialect-amo",
            "story",
            "report",
            "阿么整的 村长把俺们的退耕还林补助整到他家账上了 一分没给俺",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="说完了", pic="莫有"),
        ),
        _d(
            "s-project-crack",
            "story",
            "report;cat=项目",
            "村里新修的文化广场才半年地砖全碎了😡",
            (OFFER, "1"),
            (PICKCAT, "{opt:项目}"),
            *rest(more="好了", pic="跳过"),
        ),
        _d(
            "s-emoji-relatives",
            "story",
            "report",
            "😤监测户评的都是支书家亲戚 俺们真困难的莫人管",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(more="嗯 就这", name="{opt:匿名}"),
        ),
        _d(
            "s-safety-first",
            "story",
            "report;anon=1",
            "村会计把俺们的粮食补贴扣下了一半 说是交了水费",
            (OFFER, "说了会不会被报复"),
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="好了", name="{opt:匿名}"),
        ),
        _d(
            "s-letter-collective",
            "story",
            "report",
            "领导您好，冒昧打扰。我们村的集体经济分红，近两年都被村委会以各种名义挪用了，村民毫不知情，恳请调查。",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="谢谢 我说完了", pic="暂无"),
        ),
        _d(
            "s-it-was-question",
            "story",
            "answer",
            "听说低保户的娃考上大学了低保就要取消 这个对着没",
            (OFFER, "{opt:问}"),
        ),
        _d(
            "s-leave-offer",
            "story",
            "cancel",
            "村干部把公益岗给他媳妇了",
            (OFFER, "{opt:不}"),
        ),
        _d(
            "s-herder-grassland",
            "story",
            "report",
            "我替阿爸说：草场补奖村长给自己多报了两百亩，我家的面积反倒少算了",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(more="就是这样", pic="没有"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """Hardship, for one's own household or someone else's, with a phone number."""
    return [
        _d(
            "h-widower-son",
            "hardship",
            "hardship",
            "老伴前年没了 俺一个人拉扯个残疾娃 俺腰也坏了干不了重活 家里莫收入了",
            (HOFFER, "1"),
            *help_asked("{opt:自己}", "残疾", "前年", "两个", "想吃上低保 娃的护理有人帮一哈", "13709724153"),
        ),
        _d(
            "h-noodle-fire",
            "hardship",
            "hardship",
            "俺的面馆上个月着火了 东西全烧了 欠了些钱 一家五口就靠这个",
            (HOFFER, "要"),
            *help_asked("{opt:自己}", "{opt:意外}", "上个月", "5口人", "临时救助 再贷点款重新开", "18997125346"),
        ),
        _d(
            "h-yak-snow",
            "hardship",
            "hardship",
            "今年雪灾 家里的牦牛冻死了二十多头 阿爸说这一年白干了 我在西宁上学替他写",
            (HOFFER, "1"),
            *help_asked("{opt:自己}", "灾", "今年二月", "六口", "想要点补助 再买几头牛", "阿爸的电话 13649713528"),
        ),
        _d(
            "h-neighbour-cancer",
            "hardship",
            "hardship",
            "我们隔壁的阿訇家媳妇查出来是癌 化疗一次好几千 家里娃还小",
            (HOFFER, "1"),
            *help_asked("{opt:别人}", "大病", "今年夏天", "4", "看病报销 大病救助", "我的电话 15897037462"),
        ),
        _d(
            "h-tractor-accident",
            "hardship",
            "hardship",
            "开拖拉机翻到沟里了 腿断了 三个月干不了活 车也修不起",
            (HOFFER, "1"),
            *help_asked("{opt:自己}", "意外", "九月份", "四个人", "临时救助", "13519726048"),
        ),
        _d(
            "h-couple-debt",
            "hardship",
            "hardship",
            "刚盖了房子欠了二十万 男人又查出来肾病 两个娃还小 咋办呀😭",
            (HOFFER, "好"),
            *help_asked("{opt:自己}", "大病", "今年", "一家四口", "看病 还有娃上学", "18309721857"),
        ),
        _d(
            "h-doctor-reports-patient",
            "hardship",
            "hardship",
            "我是村医 社里一个老人独居 中风以后走不动路了 房子也漏 没人照顾",
            (HOFFER, "1"),
            *help_asked("{opt:别人}", "病", "上个月", "1个", "有人照顾 房子修一下", "村医电话 13897254610"),
        ),
        _d(
            "h-cut-dibao",
            "hardship",
            "hardship",
            "儿子找了个活 俺的低保就停了 可他一个月才挣两千 还要养他自己的娃 俺有病吃药钱都莫了",
            (HOFFER, "1"),
            *help_asked("{opt:自己}", "病", "今年五月", "二", "把低保恢复 或者有别的补助", "１３９９７２１５６４８"),
        ),
        _d(
            "h-oneword",
            "hardship",
            "hardship",
            "娃病了 没钱",
            (HOFFER, "嗯"),
            (HWHAT, "白血病 在西宁住院"),
            *help_asked("{opt:自己}", "大病", "三月", "3", "看病钱", "15009726431"),
        ),
        _d(
            "h-hail-crops",
            "hardship",
            "hardship",
            "冰蛋子把俺家的洋芋和油菜全打了 一年的收成都没了 还欠着化肥钱",
            (HOFFER, "1"),
            *help_asked("{opt:自己}", "灾", "八月底", "五个", "救灾补助", "13629723095"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person."""
    return [
        _d("p-cut-dibao", "person", "human", "转人工", (ASKQ, "儿子打工了俺的低保就被停了 这个合规不 想问个人")),
        _d("p-oneword", "person", "human", "人工", (ASKQ, "残疾证 换证")),
        _d(
            "p-letter",
            "person",
            "human",
            "您好，请问能否请一位工作人员答复我的问题？",
            (ASKQ, "退休村干部的生活补贴标准是多少，如何申领？"),
        ),
        _d(
            "p-herder-son",
            "person",
            "human",
            "我想找个真人问问",
            (ASKQ, "在外地上大学的藏族学生 户口在牧区 还能领草原补奖不"),
        ),
        _d("p-tractor", "person", "human", "叫个干部跟我说", (ASKQ, "农机购置补贴拖拉机能补多少 到哪里报")),
        _d("p-singer", "person", "human", "有人吗 转一哈人工", (ASKQ, "非遗传承人的补助阿么申请")),
        _d("p-couple", "person", "human", "客服", (ASKQ, "新房盖好了 不动产证阿么办")),
    ]


def _projects() -> list[Dialogue]:
    """The village's own projects and funds."""
    return [
        _d("j-water", "projects", "projects", "村里的自来水工程花了多少钱"),
        _d("j-collective", "projects", "projects", "村集体的收入都用到啥上了 给看一哈"),
        _d("j-menu-two", "projects", "projects", "2"),
        _d("j-detail", "projects", "detail", "项目公开", (LIST, "1")),
        _d("j-detail-wide", "projects", "detail", "村上的项目给看看", (LIST, "１")),
        _d("j-accountant", "projects", "projects", "今年村里的项目资金明细有没有公开"),
        _d(
            "j-question-report",
            "projects",
            "report",
            "看看村里的项目",
            (LIST, "1"),
            ("反映", "反映"),
            (ASKCAT, "{opt:项目}"),
            (TELL, "这个工程到现在还没完工 工地上都停了半年了 没人管"),
            *rest(more="好了"),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a filed case by its number and query code."""
    return [
        _d("t-plain", "tracking", "case", "查一哈我反映的", (TRACKQ, "{n} {c}")),
        _d("t-wide-lines", "tracking", "case", "进度", (TRACKQ, "{nf}\n{cf}")),
        _d("t-code-first", "tracking", "case", "查询进度", (TRACKQ, "{c}\n{n}")),
        _d("t-parts", "tracking", "case", "我上回反映的事咋样了", (TRACKQ, "{p1} {p2} {p3} 查询码 {cs}")),
        _d("t-nodash", "tracking", "case", "4", (TRACKQ, "{nd} {c}")),
        _d(
            "t-letter",
            "tracking",
            "case",
            "您好，我想查询一下案件的办理进度。",
            (TRACKQ, "编号：{n}，查询码：{c}，谢谢"),
        ),
        _d("t-short", "tracking", "notcase", "查进度", (TRACKQ, "630223-2026-12 345678")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk gets a short warm answer and the menu."""
    return [
        _d("k-hello", "smalltalk", "menu", "你好呀"),
        _d("k-thanks", "smalltalk", "menu", "谢谢🙏"),
        _d("k-there", "smalltalk", "menu", "在不在"),
        _d("k-flower", "smalltalk", "menu", "🌹🌹"),
        _d("k-received", "smalltalk", "menu", "收到了 辛苦了"),
        _d("k-letter", "smalltalk", "menu", "谢谢各位领导的辛勤工作！"),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving and going back from the steps."""
    return [
        _d("n-cancel-tell", "navigation", "cancel", "我要反映", (ASKCAT, "{opt:资金}"), (TELL, "取消")),
        _d("n-back-top", "navigation", "back", "上一步"),
        _d("n-menu-tracking", "navigation", "menu", "查询进度", (TRACKQ, "菜单")),
        _d("n-help", "navigation", "help", "帮助"),
        _d("n-exit-hardship", "navigation", "cancel", "家里老人病了 花了好多钱", (HOFFER, "算了")),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions."""
    return [
        _d("q-disability", "question", "answer", "残疾人两项补贴咋领"),
        _d("q-temp-relief", "question", "answer", "临时救助咋申请"),
        _d("q-farm-machine", "question", "answer", "农机补贴咋申请"),
        _d("q-student", "question", "answer", "雨露计划一年补多少"),
    ]


def blind_k() -> list[Dialogue]:
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
