"""Blind dialogue set L (issue #18 §1-§5): 80 conversations written by helper "lwrite" on 2026-12-07
(about 02:30-03:00 UTC) from the issue, README.md, docs/chat.md and the harness (tests/dialogue_eval.py,
tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of tests/dialogue_blind_k.py for the
format) alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/, villages/)
or the other dialogue sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a grandmother whose grandson types
for her (奶奶说…), a 拉面 worker back from 广东 for the new year who mixes in a Cantonese word or two, the
brother of a 藏族 monk (阿卡) who greets with 扎西德勒 and thanks with 突及其, a village kindergarten teacher who
writes full, polite sentences with punctuation, a shepherd writing by voice input (run-ons without
punctuation, same-sound slips), a 回族 cattle trader (色俩目), a young member of the 村务监督委员会 who knows
the terms, a woman whose husband (掌柜的) works away, a man who swears a little (他妈的, 球), someone who writes
some words in pinyin (dibao, xiexie, cunzhang), and someone who sends one emoji and then words. They write
dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width digits,
Chinese numerals and emoji, answer steps in their own words (sometimes with more or less than asked),
change their mind, leave mid-way and ask about safety.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_l`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    EXAMPLE,
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
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

_d = held_out("bl")


def _asks() -> list[Dialogue]:
    """Report by asking first, then answering each step."""
    return [
        _d(
            "grandson-heating",
            "report",
            "report;anon=1;keep=取暖",
            "我替我奶奶打字 她说要反映个事",
            (ASKCAT, "{optc:资金}"),
            (TELL, "奶奶说 去年冬天的取暖补助村上说早发了 可她的折子上莫有 问会计 会计说再等等 一直等到现在"),
            *rest(more="奶奶说就这些了", pic="莫有", name="{opt:匿名}"),
        ),
        _d(
            "lamian-dibao",
            "report",
            "report;anon=1;keep=亲家",
            "老乡你好 我在广东开拉面馆 过年回来了 想投诉一哈村里",
            (ASKCAT, "{optw:优亲厚友}"),
            (TELL, "我老母亲七十多了一个人在家 低保评了三年都莫评上 社长他亲家两口子有车有楼也吃着低保"),
            *rest(more="讲完了", pic="冇照片 回头再拍", name="{opt:匿名}"),
        ),
        _d(
            "monk-bridge",
            "report",
            "report;keep=桥",
            "扎西德勒 我是阿卡的弟弟 有个事情想检举",
            (ASKCAT, "项目质量"),
            (TELL, "寺院下面村里修的那个桥 去年才修好 今年夏天一场水就冲坏了 桥墩里头都是沙子"),
            *rest(more="哦呀 就这些", who="{opt:不清楚}", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "teacher-meals-realname",
            "report",
            "report;anon=0;keep=营养餐",
            "您好，我是村幼儿园的老师，想反映一个问题。",
            (ASKCAT, "{opt:资金}"),
            (
                TELL,
                "幼儿园孩子的营养餐补助，上面拨的是每人每天4元，村里管账的只按2元给我们采购，"
                "剩下的说是村里统筹了，一直没有账目。",
            ),
            *rest(
                more="没有了，谢谢。",
                pic="暂时没有，采购单在园里，之后可以补充。",
                name="{opt:实名}",
                give="马秀英 13897001234",
            ),
        ),
        _d(
            "shepherd-voice-grassland",
            "report",
            "report;anon=1;keep=管护费",
            "我要反应个问题那个村里的事",
            (ASKCAT, "{opth:资金}"),
            (
                TELL,
                "就是那个草原奖补的钱今年我家三百多亩草场按说该发一万多结果卡上只到了六千多问社长社长说是"
                "村上扣了管护费管护费是啥我们也不知道也莫人开会说过",
            ),
            *rest(more="莫有了就是这个", pic="没拍羊还在山上哩", name="{optc:匿名}"),
        ),
        _d(
            "hui-vet-fee",
            "report",
            "report;anon=1;keep=防疫",
            "色俩目 俺要告状",
            (ASKCAT, "扶贫资金"),
            (TELL, "牛羊防疫的钱上面说是免费的 村上的防疫员给俺们一头牛收三十块 不给票 不交就不给打针"),
            *rest(more="就这", who="{opt:其他}", pic="票都莫给 哪来的证据", name="{opt:匿名}"),
        ),
        _d(
            "monitor-dividend-realname",
            "report",
            "report;anon=0;keep=原始凭证",
            "我是村务监督委员会的委员，村监委内部提了没人理，想通过这里反映",
            (OFFER, "{opt:开始反映}"),
            (ASKCAT, "{opt:资金}"),
            (
                TELL,
                "今年村集体经济分红，账上收入十二万，公示只写了七万，剩下五万去向不明，"
                "我要求看原始凭证，村支书不给看。",
            ),
            *rest(more="以上", pic="有公示的照片，晚点补充", name="{opt:实名}", give="韩明 18997123456"),
        ),
        _d(
            "wife-yulu",
            "report",
            "report;anon=1;keep=侄女",
            "掌柜的在外头打工 家里就我和娃 有个事想反映一下 阿么弄哩",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村里报雨露计划的补助 俺家娃在职校上学符合条件 报上去的名单里莫有俺家 倒有村主任的侄女 她都毕业了"),
            *rest(more="没了", pic="没有", name="2"),
        ),
        _d(
            "swear-house-fee",
            "report",
            "report;anon=1;keep=危房改造",
            "他妈的 我要举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村会计那个狗东西 危房改造的钱一户扣了一千五 说是跑腿费 球 谁让他跑腿了"),
            *rest(more="就这些 你们给查查", pic="没有", name="匿名 怕他找麻达"),
        ),
        _d(
            "pinyin-quota",
            "report",
            "report;anon=1;keep=三千",
            "我要jubao",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "cunzhang把我们组的dibao名额卖了 一个名额收三千 交了钱的才评得上"),
            *rest(more="好了 xiexie", pic="没有 meiyou", name="{opt:匿名}"),
        ),
        _d(
            "emoji-then-ask",
            "report",
            "report;keep=拖拉机",
            "😠",
            "有个事要反映 村上的",
            (ASKCAT, "{opt:资金}"),
            (TELL, "农机补贴 俺买拖拉机的补贴报上去两年了 一直说没下来 邻村的早都领了"),
            *rest(more="说完了", pic="发票在 现在拍不了", name="{opt:匿名}"),
        ),
        _d(
            "safety-twice",
            "report",
            "report;anon=1;drop=报复;drop=能知道",
            "我想举报 但是会不会被报复啊 村子小 谁都认识谁",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上的光伏收益 说是分给困难户的 俺们一年一分都没见过 账也不公开"),
            (MORE, "就这些"),
            ("哪一级|干部", "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "匿名的话村上能知道是我吗"),
            (NAMEQ, "那就{opt:匿名}"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "change-category",
            "report",
            "report;cat=优亲|评定;keep=儿媳妇",
            "反映问题",
            (ASKCAT, "{opt:资金}"),
            (TELL, "选错了 返回"),
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "社长把他儿媳妇评成了监测户 他儿媳妇在县城开超市 有小车"),
            *rest(more="没别的了", pic="没有"),
        ),
        _d(
            "realname-then-anon",
            "report",
            "report;anon=1;keep=公益岗",
            "三",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村上的公益岗 一个月一千多 安排的全是支书家里的人 俺们残疾人家庭申请了两回都说莫名额"),
            *rest(more="好了", pic="没有", name="{opt:实名}", give="算了 名字还是不留了 匿名吧"),
        ),
        _d(
            "more-than-asked-at-category",
            "report",
            "report;keep=大棚",
            "我要反映",
            (ASKCAT, "{optc:资金} 就是村上大棚的钱"),
            (TELL + "|" + EXAMPLE, "村里建了二十个温室大棚 说是扶贫产业 建好就荒着 一个都莫人种 几百万就这么扔了"),
            *rest(more="就是这么个事", pic="大棚就在路边 谁都能看见 照片莫拍"),
        ),
        _d(
            "detour-and-back",
            "report",
            "report;keep=搬迁",
            "３",
            (ASKCAT, "{opt:资金}"),
            (TELL, "易地搬迁的安置房 村上说一户交两万就能分到大的 俺家交了钱 分的还是小的 钱也不退"),
            (MORE, "菜单"),
            "3",
            ("继续", "{opt:继续}"),
            *rest(more="没有了", pic="收据没给 没有", name="{opt:匿名}"),
        ),
        _d(
            "voice-told-at-ask",
            "report",
            "report;keep=修渠",
            "我想给纪检上说一哈村上的事情就是那个修渠的钱的事",
            (ASKCAT, "{opt:资金}"),
            (TELL + "|" + EXAMPLE, "修渠的时候每家出了五百块说是自筹的后来上面的钱也下来了我们的钱也莫退回来"),
            *rest(more="该说的说完了", pic="莫有"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story first: offered as a report, answered in the villager's words."""
    return [
        _d(
            "monk-grazing-stopped",
            "story",
            "report;keep=退牧还草",
            "村上把寺院底下几户的退牧还草补助停了 说是名单报错了 可社长家的照样发着",
            (OFFER, "哦呀 反映"),
            *rest(more="就这些 突及其", pic="没有"),
        ),
        _d(
            "lamian-land-rent",
            "story",
            "report;anon=0;keep=枸杞",
            "我在广东几年没回来 回来一看俺家的承包地叫村上流转给外面的老板种枸杞了 流转费一亩六百 俺一分都没见着",
            (OFFER, "1"),
            *rest(more="没了", who="{opt:村干部}", pic="没有", name="{opt:实名}", give="马福林 15209723345"),
        ),
        _d(
            "shepherd-fodder",
            "story",
            "report;keep=饲草料",
            "村长把去年冬天上面发的饲草料拉到他自己家的羊圈里了我亲眼看见的拉了两三车",
            (OFFER, "对着哩"),
            *rest(more="就是这个事", pic="莫拍", name="{opt:匿名}"),
        ),
        _d(
            "hui-cattle-brother",
            "story",
            "report;keep=三头",
            "村里的产业扶持牛给贫困户一户发一头 书记的兄弟家领了三头 他家根本不是贫困户",
            (OFFER, "嗯"),
            *rest(more="就这", pic="牛在他家圈里拴着哩 你们去看", name="{opt:匿名}"),
        ),
        _d(
            "swear-square",
            "story",
            "report;keep=地砖",
            "村里那个文化广场 他娘的去年花了几十万 地砖现在都翘起来了 路灯一个都不亮",
            (OFFER, "对 就是要反映"),
            *rest(more="就这些", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "pinyin-public-jobs",
            "story",
            "report;keep=gongyigang",
            "村里的gongyigang全是cunzhang家的qinqi 一天活都不干 工资照领",
            (OFFER, "1"),
            *rest(more="haole", pic="meiyou", name="{opt:匿名}"),
        ),
        _d(
            "wife-card-held",
            "story",
            "report;anon=0;keep=一卡通",
            "俺男人在外打工 村会计拿了俺家的一卡通说是帮俺代领 到现在都没还给俺 卡里的钱少了两千多",
            (OFFER, "是的 我要反映"),
            *rest(more="没了", pic="没有", name="{opt:实名}", give="李桂兰 13309721188"),
        ),
        _d(
            "grandson-dead-paid",
            "story",
            "report;keep=高龄补贴",
            "我奶奶的高龄补贴村上说去年就给停了 说她不在了 可是她好好的活着哩 村里另一个老汉死了两年了他家还在领",
            (OFFER, "奶奶说要反映"),
            *rest(more="奶奶说完了", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "teacher-kindergarten-fund",
            "story",
            "report;keep=幼儿园",
            "您好。村幼儿园去年批下来的改造资金二十万，实际只换了几扇窗户，剩下的钱村里说用在别处了，也没有公示。",
            (OFFER, "好的，开始反映。"),
            *rest(more="就这些，谢谢。", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "monitor-wasteland-lease",
            "story",
            "report;anon=0;keep=连襟",
            "村委会把集体的两百亩荒地私下租给了书记的连襟 租期三十年 没开村民代表大会 也没公示",
            (OFFER, "1"),
            *rest(more="以上是全部情况", pic="合同复印件后面补", name="{opt:实名}", give="韩明 18997123456"),
        ),
        _d(
            "emoji-water",
            "story",
            "report;keep=自来水",
            "😤",
            "村上修的那个自来水才通了三个月就莫水了 水管子都是便宜货 一冻就裂",
            (OFFER, "对"),
            *rest(more="莫了", pic="莫有", name="{opt:匿名}"),
        ),
        _d(
            "pick-category-myself",
            "story",
            "report;cat=资金|funds;keep=杀羊",
            "乡上的包村干部每回下来村里都要杀羊招待 羊钱从集体账上出 一年十几只",
            (OFFER, "{opt:重选}"),
            (ASKCAT, "{opt:资金}"),
            *rest(more="就这些", who="{opt:村干部}", pic="没有", name="{opt:匿名}"),
        ),
        _d(
            "safety-at-offer",
            "story",
            "report;anon=1;keep=签字;drop=会不会知道",
            "村主任逼着俺们签字 说俺们都领了危房改造款 其实一分钱都莫给",
            (OFFER, "我要是反映了 他会不会知道是我"),
            (OFFER, "那就反映 匿名的"),
            *rest(more="就这么个事", pic="没有", name="{opt:匿名}"),
        ),
    ]


def _hardship() -> list[Dialogue]:
    """A household's hardship (own or someone else's), registered with a phone number."""
    return [
        _d(
            "lamian-uremia",
            "hardship",
            "hardship",
            "我在广东拉面馆干活 上个月查出来尿毒症 要透析 回来了干不了活 家里还有两个娃上学",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己}",
                kind="{opt:大病}",
                when="上个月",
                people="四口",
                wanted="看病报销 娃上学的费用",
                phone="13709720011",
            ),
        ),
        _d(
            "grandson-neighbour-wall",
            "hardship",
            "hardship",
            "我们隔壁的尕老汉一个人住 前几天房子的后墙塌了 他腿脚不好 莫人管",
            (HOFFER, "要登记"),
            (WHOSE, "{opt:别人}"),
            ("关系|哪一户|是谁", "隔壁邻居 李老汉"),
            (HKIND, "{opt:其他}"),
            (HWHEN, "前几天"),
            (HPEOPLE, "就他一个"),
            (HHELP, "把房子修一哈 冬天住不成"),
            (HPHONE, "留我的 13997234567 他莫手机"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "shepherd-hail",
            "hardship",
            "hardship",
            "今年五月份下了一场冰蛋子把我家的青稞全打了颗粒无收家里五口人今年的口粮都成问题了",
            (HOFFER, "1"),
            *help_asked(
                whose="自己家",
                kind="{opt:灾害}",
                when="今年五月",
                people="5",
                wanted="口粮 临时救助",
                phone="电话13897345678",
            ),
        ),
        _d(
            "hui-truck-overturned",
            "hardship",
            "hardship",
            "俺贩牛的车翻了 牛死了五头 人也住了院 欠了一屁股账",
            (HOFFER, "登记"),
            *help_asked(
                whose="{opt:自己}",
                kind="{opt:事故}",
                when="上个礼拜",
                people="六口人",
                wanted="看病的钱 还有贷款能不能缓一哈",
                phone="18797220456",
            ),
        ),
        _d(
            "wife-husband-fell",
            "hardship",
            "hardship",
            "掌柜的在工地上从架子上摔下来了 腰摔坏了 老板跑了 医药费都是借的",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己}"),
            (HKIND, "{opt:事故}"),
            (HWHEN, "两个月前"),
            (HPEOPLE, "四口"),
            (HHELP, "医药费 娃们上学"),
            (HPHONE, "为啥非要留电话 不留不行吗"),
            (HPHONE, "那留吧 13519721234"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "teacher-pupil-family",
            "hardship",
            "hardship",
            "您好，我们幼儿园有个孩子，父亲去年车祸去世了，母亲有残疾，家里靠奶奶挖虫草过日子，想帮他们申请帮扶。",
            (HOFFER, "1"),
            (WHOSE, "{opt:别人}"),
            ("关系|哪一户|是谁", "我是孩子的老师"),
            (HKIND, "{opt:事故} {opt:残疾}"),
            (HWHEN, "去年"),
            (HPEOPLE, "三口人"),
            (HHELP, "孩子上学 低保"),
            (HPHONE, "孩子奶奶没有手机，留我的：18209720033"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "monk-brother-amputation",
            "hardship",
            "hardship",
            "我去年开三轮车出了事 一条腿截了 现在是残疾 家里的地也种不成了 阿爸阿妈都老了",
            (HOFFER, "哦呀 登记"),
            *help_asked(
                whose="我自己家",
                kind="{opt:残疾}",
                when="去年秋天",
                people="4个人",
                wanted="找个能坐着干的活",
                phone="13639725566",
            ),
        ),
        _d(
            "emoji-leukemia",
            "hardship",
            "hardship",
            "😭😭",
            "家里娃娃得了白血病 在西宁住院 已经花了二十多万 亲戚们都借遍了",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己}",
                kind="{opt:大病}",
                when="今年开春",
                people="五口",
                wanted="医疗救助",
                phone="15897221234",
            ),
        ),
        _d(
            "pinyin-hospital",
            "hardship",
            "hardship",
            "我家老人住院了 新农合报完还欠五万 家里就我一个劳力 能不能申请bangfu",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己}",
                kind="{opt:大病}",
                when="这个月",
                people="三口人",
                wanted="临时救助",
                phone="13709725678",
            ),
        ),
        _d(
            "old-couple-via-category",
            "hardship",
            "hardship",
            "反映问题",
            (ASKCAT, "{opt:返贫}"),
            (WHOSE, "{opt:自己}"),
            (HWHAT, "老伴中风瘫了 我也七十多了 地种不动了 儿子在外地顾不上"),
            (HKIND, "{opt:大病}"),
            (HWHEN, "今年三月"),
            (HPEOPLE, "两口"),
            (HHELP, "看病 还有地能不能有人帮着种"),
            (HPHONE, "13997001122"),
            (CHECK, "{opt:提交}"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person, with the question then or in the same message."""
    return [
        _d(
            "grandma-real-person",
            "person",
            "person",
            "我奶奶想跟真人说 不要机器",
            (ASKQ, "她问她的养老金为啥这个月少了二十块"),
        ),
        _d(
            "lamian-who-in-charge",
            "person",
            "human",
            "有没有管事的人 我想问一哈在广东打工的医保在那边看病能不能报",
        ),
        _d(
            "hui-find-cadre",
            "person",
            "person",
            "找个干部 俺有事问",
            (ASKQ, "牛羊保险的理赔阿么办 死了两头牛了"),
        ),
        _d(
            "teacher-transfer",
            "person",
            "person",
            "请帮我转接人工客服，谢谢。",
            (ASKQ, "幼儿园教师的乡村生活补助从今年起是否有调整？"),
        ),
        _d(
            "shepherd-voice-person",
            "person",
            "person",
            "我要跟人工说话你们这个机器说的我听不懂",
            (ASKQ, "我家草场跟邻村的草场界线有争议该找谁解决"),
        ),
        _d(
            "swear-live-person",
            "person",
            "person",
            "叫个活人来 别让机器跟我扯",
            (ASKQ, "俺的残疾证过期了 去哪换"),
        ),
        _d(
            "after-question-person",
            "person",
            "human",
            "村里的路灯坏了半年了找谁修",
            "转人工",
            (ASKQ, "村里的路灯坏了半年了 找谁修"),
        ),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving, going back and help, at various steps, and 我家补贴."""
    return [
        _d(
            "swear-quit-report",
            "navigation",
            "cancel",
            "3",
            (ASKCAT, "{opt:资金}"),
            (TELL, "算球了 不弄了"),
        ),
        _d(
            "monk-policy-back",
            "navigation",
            "back",
            "1",
            "返回",
        ),
        _d(
            "household-subsidy-quit",
            "navigation",
            "cancel",
            "5",
            "俺不会弄 退出",
        ),
        _d(
            "household-subsidy-words-back",
            "navigation",
            "back",
            "我家补贴",
            "返回",
        ),
        _d(
            "projects-pages-menu",
            "navigation",
            "menu",
            "2",
            (LIST, "更多"),
            "上一页",
            "主菜单",
        ),
        _d(
            "wife-hardship-leave",
            "navigation",
            "cancel",
            "娃他爸得了肝病 干不成活了 家里没收入",
            (HOFFER, "1"),
            (WHOSE, "算了 我先问问娃他爸再说"),
        ),
        _d(
            "tracking-leave",
            "navigation",
            "cancel",
            "４",
            (TRACKQ, "不查了"),
        ),
        _d(
            "first-time-help",
            "navigation",
            "help",
            "俺第一次用这个 帮助",
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's own projects and money."""
    return [
        _d("grandma-projects", "projects", "projects", "奶奶想看一哈村里的项目公开"),
        _d("monitor-funds", "projects", "projects", "调阅本村近几年的项目资金明细"),
        _d("lamian-what-built", "projects", "projects", "村里这几年修了些啥 花了多少钱 我在外头啥都不知道"),
        _d("fullwidth-detail", "projects", "detail", "2", (LIST, "３")),
        _d("words-third-detail", "projects", "detail", "项目公开", (LIST, "第三个")),
        _d("collective-income", "projects", "projects", "村集体收入一年有多少 分给村民了没有"),
        _d("accounts-then-one", "projects", "detail", "村里的账能看看不", (LIST, "1")),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions, and one the service cannot help with."""
    return [
        _d("grandma-elderly", "question", "answer", "奶奶问 八十岁以上的老人有啥补贴"),
        _d("lamian-dibao-away", "question", "answer", "在外地打工的话 家里的低保会不会给取消"),
        _d("voice-yulu", "question", "answer", "娃考上大专了雨露计划的补助阿么申请哩"),
        _d("hui-loan", "question", "answer", "养牛有贴息贷款吗 一户能贷多少"),
        _d("teacher-allowance", "question", "answer", "请问，乡村教师生活补助的标准是多少？"),
        _d("train-ticket", "question", "refusal", "西宁到广州的火车票阿么买"),
    ]


def _smalltalk() -> list[Dialogue]:
    """Greetings and thanks in kind."""
    return [
        _d("emoji-thanks", "smalltalk", "menu", "🙏🙏 你们辛苦了"),
        _d("monk-praise", "smalltalk", "menu", "扎西德勒 突及其 你们这个攒劲"),
        _d("grandma-thanks", "smalltalk", "menu", "奶奶让我跟你们说声谢谢"),
        _d("anyone-there", "smalltalk", "menu", "有人莫"),
        _d("pinyin-ok", "smalltalk", "menu", "xiexie 好的"),
        _d("new-year", "smalltalk", "menu", "过年好 给你们拜个早年"),
    ]


def _tracking() -> list[Dialogue]:
    """A case by its number and query code, in messy forms."""
    return [
        _d("fullwidth-dashes", "tracking", "case", "{p1}－{p2}－{p3}　{cf}"),
        _d("ask-then-number", "tracking", "case", "查一哈俺反映的那个事", (TRACKQ, "编号是{nd} 查询码{c}")),
        _d("code-first-lines", "tracking", "case", "查询码：{c}\n编号：{n}"),
        _d("brackets", "tracking", "case", "【{n}】，【{c}】。"),
        _d("menu-four-spaces", "tracking", "case", "4", (TRACKQ, "{p1} {p2} {p3}，{cs}")),
        _d("too-long-number", "tracking", "notcase", "{p1}-{p2}-{p3}0 {c}"),
    ]


def blind_l() -> list[Dialogue]:
    return (
        _asks()
        + _stories()
        + _hardship()
        + _persons()
        + _navigation()
        + _projects()
        + _questions()
        + _smalltalk()
        + _tracking()
    )
