"""Blind dialogue set N (issue #18 §1-§5): 80 conversations written by helper "nwrite" on 2026-12-07
(about 05:57-06:05 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of tests/dialogue_blind_l.py for the
format) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/, villages/)
or the other blind sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 化隆 拉面 shop owner on a short
break (长话短说, 店里忙着哩), a mother of a child with cerebral palsy, a former soldier who writes formally
(报告！, 完毕, 请予以答复), a 民和 apricot grower, a young couple sharing one phone whose two voices alternate
(我是他媳妇…, 我是她男人…), someone who mostly replies 嗯, 哦 or 。。。, an old man whose neighbour types for
him (阿爷说…), a village 网格员 registering and reporting for others, a woman whose pinyin input puts in a
wrong character every few words (存长, 低宝, 救在, 照骗, 医宝, 查寻), a man who answers each step with a
question back (这还用问？, 问这个干啥？), and a widow who is afraid the cadres will find out. They write
dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width digits,
Chinese numerals and emoji, answer steps in their own words (sometimes with more or less than asked),
change their mind, leave mid-way and ask about safety.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_n`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    EXAMPLE,
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

_d = held_out("bn")


def _asks() -> list[Dialogue]:
    """Report by asking first, in many wordings, then answering each step in one's own words."""
    return [
        _d(
            "soldier-fee",
            "report",
            "report;anon=0;keep=二百元",
            "报告！我要实名举报村干部！",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村文书为群众开具低保证明时，索要现金二百元，不给不办。本人亲眼所见。"),
            *rest(
                more="汇报完毕。",
                pic="无。",
                name="实名",
                give="韩建国，13909726688",
                check="确认提交！",
            ),
        ),
        _d(
            "lamian-award",
            "report",
            "report;anon=1;keep=三千",
            "忙得很 长话短说 我要投诉",
            (ASKCAT, "{opt:资金}"),
            (TELL, "回来一趟才知道 俺家的产业奖补说好的三千 村上只给了一千 剩下的说是统一安排了"),
            *rest(more="就这 店里还忙着哩", who="村上的", pic="没拍", name="匿名"),
        ),
        _d(
            "slip-cousin",
            "report",
            "report;anon=1;keep=低宝",
            "我要举报 存长把我家的低宝名额给了他表第",
            (OFFER, "对的 就是要反应这个"),
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "存长把我家的低宝名额给了他表第 他表第家开着大车"),
            *rest(pic="没有照骗", check="提交"),
        ),
        _d(
            "askback-meeting",
            "report",
            "report;anon=1;keep=没开会",
            "我想反映个事 你们到底管不管村上的事？",
            (ASKCAT, "这还用问？评低保不公平的那个"),
            (TELL, "俺们社评低保 社长念了几个名字就定了 没开会 问他为啥他说上面定的 你说这合理不"),
            *rest(more="还要说啥？就这些", who="社长 算村上的吧", pic="拍啥？啥也没有", check="1"),
        ),
        _d(
            "en-cars",
            "report",
            "report;anon=1;keep=两辆车",
            "反映问题",
            (ASKCAT, "哦 {opt:优亲厚友}"),
            (TELL, "低保"),
            (EXAMPLE, "。。。书记家儿子吃着低保 他家有两辆车"),
            *rest(more="没了", who="嗯 {opt:村干部}", pic="没", name="哦 匿名", check="嗯 提交"),
        ),
        _d(
            "neighbour-grandpa",
            "report",
            "report;anon=0;keep=五百",
            "我是隔壁的小李 帮马爷爷打字 爷爷要告状",
            (ASKCAT, "{opt:资金}"),
            (TELL, "爷爷说他的退耕还林钱这三年一直叫会计扣着 每年扣五百 问了说是管理费"),
            *rest(
                more="爷爷说就这些",
                who="会计 村上的",
                pic="爷爷说存折上能看出来 照片没有",
                name="爷爷说写他的名字 实名",
                give="马福海 电话留我的13519723456",
            ),
        ),
        _d(
            "grid-ditch",
            "report",
            "report;anon=0;cat=项目",
            "我代表网格里的几户群众反映一个问题",
            (ASKCAT, "{opt:项目}"),
            (TELL, "去年修的排洪渠 今年七月一场大雨就冲垮了 下面好几户的地都淹了 施工的时候群众就说水泥放得少"),
            *rest(
                more="以上情况属实 就这些",
                who="{opt:其他}",
                pic="有照片 回头补",
                name="实名 我是网格员",
                give="祁文娟 18997123456",
            ),
        ),
        _d(
            "couple-fee",
            "report",
            "report;anon=1;keep=五百;keep=收据",
            "我要举报社长",
            (ASKCAT, "我是他媳妇 他打字慢 我来 选{opt:吃拿卡要}"),
            (TELL, "他说 社长给报危房改造 一户收了五百 不给钱就不报"),
            (MORE, "我再补一句 收了钱连个收据都没给"),
            *rest(
                more="好了 他说就这些",
                who="村上的社长",
                pic="收据没有 啥也没有",
                name="名字不留了 怕社长找麻烦",
                check="提交吧",
            ),
        ),
        _d(
            "apricot-coop",
            "report",
            "report;anon=1;keep=分红",
            "想给纪委反映个合作社的事",
            (ASKCAT, "{opt:资金}"),
            (TELL, "杏园合作社说每户入股三千 三年了一分红没见过 账也不公开 理事长是书记他哥"),
            *rest(more="说完了 就这么个事", pic="入股的收条俺有 现在没在手上", name="匿名", check="确认"),
        ),
        _d(
            "mother-care",
            "report",
            "report;anon=1;keep=护理补贴",
            "我想投诉一哈 娃的残疾补贴的事",
            (OFFER, "对 要反映"),
            (ASKCAT, "补贴该发没发的那个"),
            (TELL, "俺娃的重度残疾护理补贴 从去年十月就停了 村上说上面没拨 别人家的都照常发着"),
            *rest(more="就这些 麻烦你们了", check="提交"),
        ),
        _d(
            "widow-back-again",
            "report",
            "report;anon=1;keep=取消",
            "我想告村上",
            (ASKCAT, "算了 不告了"),
            "还是要说 我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺男人前年没了 俺家的低保今年叫村上取消了 主任说俺家有车 那车早卖了"),
            *rest(more="就这些了", check="提交"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story first; the villager takes the offer in their own words."""
    return [
        _d(
            "soldier-pasture",
            "story",
            "report;anon=1;keep=草场",
            "报告！本村村委会主任将集体草场私自承包给外村人，承包费去向不明，请组织调查！",
            (OFFER, "是！开始反映。"),
            *rest(more="汇报完毕", pic="暂无证据", check="确认提交"),
        ),
        _d(
            "lamian-grassland",
            "story",
            "report;anon=1;keep=草原补奖",
            "俺在化隆开馆子 今年回来一看 俺家的草原补奖叫社长领走了 俺都不知道",
            (OFFER, "对着哩 给俺记上"),
            *rest(more="就这个 俺还得回店里", who="社长 村上的", name="不留名", check="交上去"),
        ),
        _d(
            "slip-flour",
            "story",
            "report;anon=1;keep=面粉",
            "书计把救在的面粉拉到他家去了 我们每户才分了一代",
            (OFFER, "是的 要反应"),
            *rest(),
        ),
        _d(
            "apricot-saplings",
            "story",
            "report;anon=1;keep=杏树苗",
            "村上把杏树苗补贴给他们自己人发了 俺们种了三亩的一棵都没算上",
            (OFFER, "{opt:开始反映}"),
            *rest(more="没了 就这", who="村上的干部", pic="杏树在地里长着哩 你们来看", name="匿名吧", check="确定"),
        ),
        _d(
            "askback-rent",
            "story",
            "report;anon=1;keep=流转费",
            "社长把俺家的地流转给老板了 流转费他自己揣上了 你说气人不气人",
            (OFFER, "你说呢 当然要反映"),
            *rest(more="还有啥要说的？没了", who="社长算哪一级？村上的", name="匿名", check="提交"),
        ),
        _d(
            "en-pension",
            "story",
            "report;anon=1;keep=养老金",
            "。。。会计把俺的养老金扣了一半",
            (OFFER, "嗯"),
            (OFFER, "1"),
            *rest(more="嗯 没了", pic="没", check="嗯"),
            (CHECK, "1"),
        ),
        _d(
            "couple-signed",
            "story",
            "report;anon=1;keep=签字",
            "他不叫我说 我偷着说 村长让我们签字领了补助 钱一分没见着",
            (OFFER, "我是她男人 她说的对着哩 反映吧"),
            *rest(more="就这些 我们俩都说完了", pic="没照片", name="匿名 别写我们名字", check="提交"),
        ),
    ]


def _people() -> list[Dialogue]:
    """Asking for a person in new words; the question goes to staff, who answer by a named time."""
    return [
        _d(
            "lamian-callback",
            "person",
            "human",
            "没时间打字 叫个人给我回电话",
            (ASKQ, "我在化隆开拉面馆 回来办营业执照 村上要开啥证明"),
        ),
        _d(
            "neighbour-cadre",
            "person",
            "human",
            "阿爷说机器他弄不来 要跟干部说话",
            (ASKQ, "阿爷的高龄补贴今年一直没见着 问一哈咋回事"),
        ),
        _d(
            "slip-staff",
            "person",
            "human",
            "能不能找个工作任员 我有事情想问",
            (ASKQ, "我家娃的户口迁出去了 医保在哪交"),
        ),
        _d(
            "soldier-dialogue",
            "person",
            "human",
            "请求与工作人员直接对话！",
            (ASKQ, "退役军人优待金今年的发放标准是多少？请予以答复。"),
        ),
        _d(
            "askback-machine",
            "person",
            "human",
            "你是机器还是人？我要真人回答",
            (ASKQ, "俺家的合作医疗为啥报不上 你们能管不"),
        ),
        _d(
            "grid-town",
            "person",
            "human",
            "麻烦安排一位乡上的同志联系我",
            (ASKQ, "我们网格有三户的医保断缴了 想问问能不能补缴 怎么补"),
        ),
        _d(
            "couple-anyone",
            "person",
            "human",
            "我老公说找客服 我说找干部 反正给我们找个人",
            (ASKQ, "我们俩刚领了结婚证 她的户口咋迁过来"),
        ),
    ]


def _navigation() -> list[Dialogue]:
    """Menu, back, cancel and help words in the states a villager gets into."""
    return [
        _d("widow-category-out", "navigation", "cancel", "我要反映", (ASKCAT, "不反映了 回主菜单")),
        _d(
            "soldier-step-back",
            "navigation",
            "back",
            "我要举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "选错了 上一步"),
        ),
        _d("apricot-pages-back", "navigation", "back", "村里的项目看一哈", (LIST, "更多"), (LIST, "返回")),
        _d("lamian-detail-home", "navigation", "menu", "项目公开", (LIST, "1"), "回主页"),
        _d("en-track-digit", "navigation", "projects", "４", (TRACKQ, "２")),
        _d("couple-person-off", "navigation", "cancel", "转人工", (ASKQ, "算了 不麻烦了 他说自己问村上")),
        _d(
            "grid-hardship-off",
            "navigation",
            "cancel",
            "三社有户人家房子裂了住不成 我想给登记一下",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "等一哈 我先去核实 先不登记了 退出"),
        ),
        _d("askback-help", "navigation", "help", "我要反映", (ASKCAT, "这咋弄哩？帮助")),
    ]


def _choices() -> list[Dialogue]:
    """Choices as full-width digits, Chinese numerals, 第N个, 1号 and the option's own words."""
    return [
        _d("en-numeral", "choice", "projects", "嗯", "{optc:项目公开}"),
        _d("mother-wide", "choice", "answer", "菜单", "{optw:政策}", "残疾娃娃上学有啥补助"),
        _d("neighbour-fourth", "choice", "case", "主菜单", "{opth:查询}", (TRACKQ, "{n} {c}")),
        _d(
            "askback-words",
            "choice",
            "report;anon=1;cat=优亲厚友",
            "首页",
            "反映问题",
            (ASKCAT, "{opth:优亲厚友}"),
            (TELL, "村上评监测户 评的都是书记家门上的 俺家穷得叮当响都没评上 这公平吗"),
            *rest(more="你还要听啥？没了", check="提交"),
        ),
        _d("lamian-hao", "choice", "detail", "项目公开", (LIST, "1号")),
        _d(
            "slip-numerals",
            "choice",
            "report;anon=1;keep=楼房",
            "我要反应问题",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "组张把他亲戚家报成了监测户 他亲戚家在县城有楼房"),
            *rest(who="{optc:村干部}", name="{optc:匿名}", check="{optw:提交}"),
        ),
    ]


def _small() -> list[Dialogue]:
    """Small talk: a short answer in kind and the menu, never 回答不了."""
    return [
        _d("en-dots", "smalltalk", "menu", "。。。"),
        _d("lamian-break", "smalltalk", "menu", "你们好啊 店里歇一哈 给你们问个好"),
        _d("soldier-salute", "smalltalk", "menu", "报告！向工作人员同志们问好！"),
        _d("couple-thanks", "smalltalk", "menu", "我们两口子谢谢你们啦 ❤️"),
        _d("apricot-invite", "smalltalk", "menu", "杏子熟了来民和吃杏子 哈哈😄"),
        _d("neighbour-grateful", "smalltalk", "menu", "阿爷说感谢感谢 你们费心了"),
    ]


def _projects() -> list[Dialogue]:
    """The village's money and projects: list, detail, paging both ways, a doubt about a project."""
    return [
        _d("apricot-canal", "projects", "projects", "俺们村修水渠花了多少钱 公开了没有"),
        _d("grid-pages", "projects", "projects", "村上今年的钱都弄啥了", (LIST, "更多"), (LIST, "上一页")),
        _d("slip-list", "projects", "projects", "村里的项木有哪些"),
        _d(
            "askback-road",
            "projects",
            "report;anon=1;keep=道路硬化",
            "修路的钱到底花了多少？能看不？",
            (LIST, "{opt:道路}"),
            "这路一下雨就是泥 钱花哪去了 我要反映",
            *rest(),
        ),
        _d("soldier-income", "projects", "projects", "请公布本村集体经济收入明细"),
        _d("mother-detail-back", "projects", "detail;last=项目公开", "村里的项目", (LIST, "２"), "返回"),
        _d(
            "neighbour-doubt",
            "projects",
            "report;anon=1;confirm=项目",
            "阿爷问村里的项目公开了没",
            (LIST, "1"),
            "对这个有疑问 我要反映",
            (TELL, "阿爷说这个项目钱花了不少 活没见干多少"),
            *rest(more="阿爷说就这些"),
        ),
        _d("lamian-accounts", "projects", "projects", "看一哈村里的账 钱花哪了"),
    ]


def _tracking() -> list[Dialogue]:
    """Case numbers and query codes in messy formats, either order, on separate lines."""
    return [
        _d("neighbour-lines", "track", "case", "帮阿爷查一哈 编号{p1} {p2} {p3}\n查询码{cs}"),
        _d("soldier-code-first", "track", "case", "查询码：{cf}；案件编号：{p1}--{p2}--{p3}。请协助查询办理进度。"),
        _d("lamian-wide-dash", "track", "case", "查进度", (TRACKQ, "{p1}－{p2}－{p3}，{c}")),
        _d("slip-no-dash", "track", "case", "查寻进度", "{p1}{p2}{p3}  {c}"),
        _d("en-two-messages", "track", "case", "４", (TRACKQ, "{n}"), (TRACKQ, "{c}")),
        _d("widow-reversed", "track", "case", "查询码{c}\n编号{p1}—{p2}—{p3}"),
        _d("askback-short-year", "track", "notcase", "{p1}-202-{p3} {c} 这个号对不对？"),
    ]


def _hardship() -> list[Dialogue]:
    """A household's hardship: its own script, a phone required, never anonymous."""
    return [
        _d(
            "mother-palsy",
            "hardship",
            "hardship;anon=0",
            "娃是脑瘫 今年又住了两回院 俺一个人带娃出不去打工 日子过不下去了",
            (HOFFER, "要登记"),
            *help_asked(
                "俺自己家",
                "残疾 还有看病花钱",
                "娃生下来就这样 今年五月又住院了",
                "三口 娃他爸在外头打工",
                "娃的康复 还有低保能不能给办",
                "１３８９７２１５５６０",
            ),
        ),
        _d(
            "grid-grandma",
            "hardship",
            "hardship;anon=0;keep=没煤",
            "我是网格员 替三社的马奶奶登记一下 老人八十多了一个人住 冬天没煤烧 房子也漏风",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                "别人家 我替她登记",
                "{opt:其他}",
                "今年入冬以后",
                "就她一个",
                "买煤取暖 临时救助",
                "老人没电话 留我的 18997123456",
            ),
        ),
        _d(
            "apricot-frost",
            "hardship",
            "hardship;anon=0",
            "今年四月一场霜冻 杏花全冻死了 一年的收成没了 两个娃还要上学",
            (HOFFER, "嗯 登记一哈"),
            *help_asked("自己家", "{opt:自然灾害}", "四月份", "一家五口", "娃娃的学费 还有明年买苗的钱", "13619724455"),
        ),
        _d(
            "lamian-closed",
            "hardship",
            "hardship;anon=0",
            "拉面馆开不下去关门了 欠了房租十几万 一家五口回村了没收入",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                "我自己家", "收入没了", "今年八月关的门", "五口", "想找个活干 贷款能不能缓一缓", "13709728899 马"
            ),
        ),
        _d(
            "couple-hand",
            "hardship",
            "hardship;anon=0",
            "我干活把手绞到机器里了 厂子不管",
            (HOFFER, "我是他媳妇 登记吧 他右手断了两个指头 干不成活了 娃才一岁"),
            *help_asked(
                "我们自己家",
                "{opt:意外}",
                "上个月十号",
                "三个人",
                "看病报销 他干不成活了 想要个公益岗",
                "他的电话 15897126677",
            ),
        ),
        _d(
            "neighbour-han",
            "hardship",
            "hardship;anon=0;keep=漏",
            "我是隔壁的 替韩爷爷说 他老伴前年走了 他自己腿瘫了下不了炕 房子漏得住不成",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                "别人家 邻居",
                "{opt:残疾}",
                "腿是去年冬天瘫的",
                "就爷爷一个",
                "有人照顾 房子修一哈",
                "我的电话13519723456 爷爷耳朵背",
            ),
        ),
        _d(
            "slip-apply",
            "hardship",
            "hardship;anon=0;keep=尿毒症",
            "我想给家里申请防返贫的帮服",
            (HOFFER, "是的"),
            (WHOSE, "我自己家"),
            (HWHAT, "我对象去年查出来尿毒症 每个礼拜透析 钱都花光了"),
            (WHOSE, "我自己家"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "去年十月"),
            (HPEOPLE, "四口"),
            (HHELP, "看病报销 娃娃上学"),
            (HPHONE, "１５２０９７２３３４１"),
            (HCHECK, "{opt:提交}"),
        ),
        _d(
            "askback-phone",
            "hardship",
            "hardship;anon=0",
            "俺家老人瘫在炕上三年了 媳妇也病着 就俺一个劳力 日子紧得很",
            (HOFFER, "登记了能给啥？那登记吧"),
            (WHOSE, "还能是谁家 俺自己家"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "问这个干啥？老人是三年前瘫的"),
            (HPEOPLE, "算不算出门的？连俺四个"),
            (HHELP, "能给啥就要啥 看病报销 临时救助"),
            (HPHONE, "电话就不留了 你们直接来家里"),
            (HPHONE, "非要留？那好吧 13997125678"),
            (HCHECK, "提交"),
        ),
        _d(
            "widow-category",
            "hardship",
            "hardship;anon=0",
            "我要反映",
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "自己家"),
            (HWHAT, "男人前年没了 俺一个人种地 今年摔断了胳膊 两个娃上学"),
            (WHOSE, "自己家"),
            (HKIND, "{opt:意外}"),
            (HWHEN, "今年六月"),
            (HPEOPLE, "三口"),
            (HHELP, "娃上学的钱"),
            (HPHONE, "13309721122"),
            (HCHECK, "提交"),
        ),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions, answered."""
    return [
        _d("mother-care-amount", "question", "answer", "残疾娃娃的护理补贴一个月有多少"),
        _d("soldier-yulu", "question", "answer", "请问雨露计划的申请条件是什么？"),
        _d("slip-insurance", "question", "answer", "医宝一年交多少钱 娃的也要交吗"),
        _d("lamian-loan", "question", "answer", "开馆子能贷扶贫小额信贷不 能贷多少"),
        _d("couple-dibao", "question", "answer", "我们刚结婚分户了 能单独申请低保不"),
    ]


def _safety() -> list[Dialogue]:
    """Will the cadre know it was me: answered, never stored, and the report goes on."""
    return [
        _d(
            "widow-will-know",
            "safety",
            "report;anon=1;drop=会不会知道",
            "我要是反映了 村长会不会知道是我说的",
            "那我说 我要反映",
            (ASKCAT, "{opt:低保}"),
            (TELL, "村长把他兄弟家评成了低保户 他兄弟家在城里买了楼"),
            *rest(),
        ),
        _d(
            "askback-name-step",
            "safety",
            "report;anon=1;drop=能看到",
            "我要举报",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村上办个宅基地证明 文书要了三百 不给不盖章"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "实名的话 村上能看到我名字不？"),
            (NAMEQ, "那还是匿名"),
            (CHECK, "提交"),
        ),
        _d(
            "couple-revenge",
            "safety",
            "report;anon=1;drop=报复",
            "村主任把我们组的低保都给了他家亲戚",
            (OFFER, "会不会被报复啊 我们还要在村里过日子"),
            (OFFER, "那就反映吧"),
            *rest(),
        ),
        _d(
            "en-who-wrote",
            "safety",
            "report;anon=1;drop=会不会有人知道",
            "反映问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "社长把修水窖的钱扣了 每户扣了八百"),
            (MORE, "。。。写这些 会不会有人知道是我写的"),
            (MORE, "哦 好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没"),
            (NAMEQ, "匿名"),
            (CHECK, "嗯 提交"),
        ),
        _d(
            "mother-village-knows",
            "safety",
            "hardship;anon=0;drop=全村",
            "娃的病又重了 家里实在撑不住了 想申请个帮扶",
            (HOFFER, "嗯 登记"),
            (WHOSE, "登记了村里人都会知道吗 我不想叫全村都知道"),
            *help_asked("自己家", "{opt:大病}", "今年开春", "三口", "看病报销", "13897215560"),
        ),
        _d(
            "soldier-leak",
            "safety",
            "report;anon=0;drop=泄露",
            "请问：如实名举报，个人信息是否会泄露给被举报人？",
            "明白。现举报如下：村党支部书记将扶贫羊分给其亲属。",
            (OFFER, "是"),
            (ASKCAT, "{opt:优亲厚友}"),
            *rest(more="完毕", name="实名", give="韩建国 13909726688"),
        ),
    ]


def blind_n() -> list[Dialogue]:
    """The 80 dialogues of blind set N."""
    return [
        *_asks(),
        *_stories(),
        *_people(),
        *_navigation(),
        *_choices(),
        *_small(),
        *_projects(),
        *_tracking(),
        *_hardship(),
        *_questions(),
        *_safety(),
    ]
