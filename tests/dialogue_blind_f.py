"""Blind dialogue set F (issue #18 §1-§5): 80 conversations written from the issue, README.md, docs/chat.md
and the harness (tests/dialogue_eval.py) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by their writer.

The people are other villagers of 海东 than in the earlier sets: a Salar family in 循化, a shepherd in 化隆
who only types by voice, a young man back from 格尔木, a woman whose mother-in-law is bedridden, a former
village cadre, a 公益性岗位 cleaner, a father whose son needs a wheelchair, a woman whose 草原补奖 went to
her brother-in-law, someone suspicious of the service, someone joking, someone sending one word per
message, someone writing very long sentences, someone using many emoji. They write dialect (啥, 咋, 阿么,
娃, 尕娃, 俺, 整, 莫, 些, 一哈, 庄廓, 家里人), typos and same-sound voice-input errors, full-width digits,
Chinese numerals, no punctuation, long run-on voice stories and emoji.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_f`.
"""

from __future__ import annotations

from functools import partial

from tests import blind_support
from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
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
    WHOSE,
    held_out,
    help_asked,
)
from tests.dialogue_corpus import Dialogue

# This set's own cues.
WHO = "哪一级"
SHORT = "例如|比如|多说|详细|具体|好了|补充"
PHONEQ = "电话|手机"
# A report's later steps, the cadre-level step recognised by this set's own cue.
rest = partial(blind_support.rest, who_cue=WHO)

_d = held_out("bf")


def _asks() -> list[Dialogue]:
    """Asking to report in many wordings (20), then the category and the story when asked."""
    return [
        _d(
            "ask-salar-xunhua",
            "report",
            "report;anon=1;keep=侄子",
            "我要反映个事情",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "评监测户的时候 社长把他侄子家评上了 人家在街上开着饭馆子哩"),
            *rest(more="就这些了"),
        ),
        _d(
            "ask-voice-fanying-homophone",
            "report",
            "report;keep=自来水",
            "我要反应个问题",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里的自来水管子埋下去没两个月就漏了 到处是水 包工头也不管"),
            *rest(more="没了", pic="没拍"),
        ),
        _d(
            "ask-tousu-fullwidth-choice",
            "report",
            "report;cat=项目",
            "投诉",
            (ASKCAT, "{optw:项目}"),
            (TELL, "村里新修的桥栏杆一推就晃 才修好半年 娃娃们天天从上面走"),
            *rest(more="说完了"),
        ),
        _d(
            "ask-gao-kuaiji",
            "report",
            "report;keep=会计",
            "俺要告俺们村的会计",
            (ASKCAT, "{opt:资金}"),
            (TELL, "会计把上面发的耕地地力补贴每户扣了五十块 说是办卡的钱 卡是俺自己办的"),
            *rest(),
        ),
        _d(
            "ask-jiefa",
            "report",
            "report",
            "想揭发一个人",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "村主任把他女婿安排到公益岗上了 一天也没来上过班 工资照样领"),
            *rest(more="就这么个事"),
        ),
        _d(
            "ask-baoguang",
            "report",
            "report;keep=临时救助",
            "这个事我要曝光 太欺负人了",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺家是真困难 临时救助轮不到 村干部家里人年年都有"),
            *rest(pic="没有证据"),
        ),
        _d(
            "ask-shuo-ge-shi",
            "report",
            "report",
            "我要说个事 你们管不管",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上修水窖的钱说是一户三千 俺们拿到手的就一千五"),
            *rest(more="就这些"),
        ),
        _d(
            "ask-one-word-per-message",
            "report",
            "report;keep=草原补奖",
            "我",
            "要",
            "举报",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村长"),
            (SHORT, "把俺家的草原补奖"),
            (MORE, "领走了 不给俺"),
            *rest(more="完了"),
        ),
        _d(
            "ask-very-long-sentence",
            "report",
            "report;anon=1",
            "同志你好 我这个人不太会用手机 是孙子教我的 我就是想问一下在这里是不是能反映村里的问题 要是能的话"
            "我想反映一下 麻烦你们了",
            (ASKCAT, "{opt:优亲厚友}"),
            (
                TELL,
                "我们村今年评低保的时候没有开会 也没有张榜公示 最后评上的好几家都是跟书记关系好的 有一家"
                "儿子在西宁买了楼房 还有一家天天开着小车 我们这些真困难的人反倒没有评上 大家心里都不服气",
            ),
            *rest(more="我说完了"),
        ),
        _d(
            "ask-emoji-angry",
            "report",
            "report",
            "😡😡我要投诉😡",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "😡危房改造的钱给了社长他哥 人家的房子是前年才盖的😡"),
            *rest(more="好了👌", pic="没有照片"),
        ),
        _d(
            "ask-former-cadre",
            "report",
            "report;anon=1",
            "我要检举 我以前也在村上干过 规矩我都懂",
            (ASKCAT, "{opt:资金}"),
            (TELL, "现在这个支书把村集体的光伏收益拿去给村委会买了个车 自己天天开着跑"),
            *rest(more="就说这么多", pic="跳过"),
        ),
        _d(
            "ask-anonymous-first",
            "report",
            "report;anon=1",
            "能匿名举报不 俺怕村上知道了",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "今年的产业奖补 村干部自己家的都报上了 俺们养了牛的反倒没报"),
            *rest(),
        ),
        _d(
            "ask-suspicious",
            "report",
            "report",
            "你们这个是真的纪委的吗 反映了有用没 我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "去年的退耕还林补助到现在没发 问村上村上说乡上没给 问乡上乡上说早给了"),
            *rest(more="没了"),
        ),
        _d(
            "ask-cleaner-wages",
            "report",
            "report;keep=管理费",
            "我是公益岗打扫卫生的 想反映个事情",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上说我们一个月八百 实际只给五百 剩下的说是管理费 也不给条子"),
            *rest(more="就这些"),
        ),
        _d(
            "ask-how-then-ask",
            "report",
            "report",
            "阿么反映问题哩",
            "那我要反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "易地搬迁的房子 村干部给他自家亲戚分了两套 俺们排了三年也没排上"),
            *rest(more="说完啦"),
        ),
        _d(
            "ask-real-name",
            "report",
            "report;anon=0",
            "我要举报 我不怕 实名的",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村文书把俺家的养老保险补贴领了 三年了 俺查了才知道"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "马建国"),
            (PHONEQ, "13897123456"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "ask-typo-jubao",
            "report",
            "report",
            "我想举爆一下村长",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村长把他小姨子家评成了二类低保 人家男人在格尔木开大车一年挣十几万"),
            *rest(),
        ),
        _d(
            "ask-chinese-numeral-menu",
            "report",
            "report",
            "三",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "村上发的扶贫牛犊子 书记给他弟弟家发了三头 我们家一头也没有"),
            *rest(more="没有别的了", name="匿名"),
        ),
        _d(
            "ask-yiha",
            "report",
            "report;drop=跳过",
            "有个情况要给你们反映一哈",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上把俺们的生态护林员工资压了半年 说是等上面的钱 可是别的村都发了"),
            *rest(pic="跳过"),
        ),
        _d(
            "ask-edit-adds",
            "report",
            "report;keep=压了半年;keep=去年",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村上把草原管护员的工资压了半年没发"),
            (MORE, "好了"),
            (WHO, "{opt:村干部}"),
            (PIC, "没有"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "{opt:修改}"),
            ("经过", "{opt:经过}"),
            ("补充|加上|接着|追加|重写", "去年的也是拖到年底才给"),
            (MORE, "好了"),
            (CHECK, "{opt:提交}"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story (14): offered as a report with the story kept."""
    return [
        _d(
            "story-dead-paid",
            "report",
            "report;keep=养老金",
            "俺们庄子上马家老爷子前年就无常了 到现在他的养老金还有人在领",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-grassland-brother-in-law",
            "report",
            "report;keep=小叔子",
            "俺家的草原补奖叫俺小叔子领走了 是社长给他报的名字 俺问社长 社长说他们家的事他不管",
            (OFFER, "{opt:开始反映}"),
            *rest(more="就这些"),
        ),
        _d(
            "story-dibao-mother-in-law",
            "report",
            "report;keep=低保",
            "村主任他丈母娘家盖着新房子 还吃着低保哩",
            (OFFER, "１"),
            *rest(),
        ),
        _d(
            "story-zhuangkuo-land",
            "report",
            "report;keep=庄廓",
            "村上把俺家的庄廓地划给别人了 也没跟俺商量 给的是书记的亲戚",
            (OFFER, "1"),
            *rest(more="没啥了"),
        ),
        _d(
            "story-road-thin",
            "report",
            "report",
            "修村道的时候说是铺二十公分厚 实际铺了不到十公分 包工头是乡上领导的亲戚",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-voice-runon-square",
            "report",
            "report;keep=文化广场",
            "我跟你说一下我们村里的事情就是去年村上修那个文化广场的时候上面拨下来的钱是五十万但是实际上就修了"
            "一个水泥地面放了几个健身器材我们村里人都说根本花不了那么多钱剩下的钱不知道去哪里了村干部也不给公示",
            (OFFER, "1"),
            *rest(more="好了"),
        ),
        _d(
            "story-fullwidth-fee",
            "report",
            "report;keep=卫生费",
            "会计每户扣了２００块钱 说是交啥卫生费 也没有收据",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-emoji-sheep",
            "report",
            "report",
            "😤村上分的扶贫羊 书记家亲戚一家分了五只 俺们一只都莫有😤😤",
            (OFFER, "好的"),
            *rest(more="就这"),
        ),
        _d(
            "story-wheelchair-never-seen",
            "report",
            "report;keep=轮椅",
            "俺尕娃是残疾 去年村上说给申请了轮椅 上面也发下来了 可俺到现在也没见着 听说叫村干部拿去给他妈坐了",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-former-cadre-pasture",
            "report",
            "report;keep=草场",
            "我当过十几年村干部 现在这个支书把村集体的草场私自包给外村人了 包的钱也没进村上的账",
            (OFFER, "1"),
            *rest(more="完了"),
        ),
        _d(
            "story-cleaner-cigarettes",
            "report",
            "report",
            "我们公益性岗位的工资 村上每个月扣一百 说是给领导买烟",
            (OFFER, "1"),
            *rest(),
        ),
        _d(
            "story-disaster-flour",
            "report",
            "report;keep=面粉",
            "今年雪灾上面发的救灾面粉和清油 村干部先给自家分了 剩下的才给俺们 有的人家一袋都没领上",
            (OFFER, "1"),
            *rest(more="就这些了"),
        ),
        _d(
            "story-after-category",
            "report",
            "report;keep=危房",
            "反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "危房改造的名额 社长给了他自己的兄弟 人家房子好好的 俺家的房子墙都裂了"),
            *rest(),
        ),
        _d(
            "story-bribe-disability-card",
            "report",
            "report;keep=三百",
            "办个残疾证 村上的文书要了俺三百块钱 说不给就不往上报",
            (OFFER, "1"),
            *rest(more="说完了"),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """A household's hardship (10), own or on someone's behalf, with a phone number."""
    return [
        _d(
            "hard-bedridden-mother-in-law",
            "hardship",
            "hardship;keep=婆婆",
            "俺婆婆瘫在炕上三年了 男人在外头打工也挣不下钱 两个娃还要上学 日子实在过不下去了",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:残疾}",
                when="三年前",
                people="五口人",
                wanted="想申请个临时救助",
                phone="13997231456",
            ),
        ),
        _d(
            "hard-neighbour-grandma",
            "hardship",
            "hardship",
            "隔壁的马奶奶一个人过 前几天把腿摔断了 没人管 我想替她登记一下",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:意外}",
                when="前几天",
                people="就她一个人",
                wanted="有人照顾她 看病能报销",
                phone="她没电话 打我的 18909721234",
            ),
        ),
        _d(
            "hard-voice-sheep-frozen",
            "hardship",
            "hardship",
            "俺家的羊今年冬天冻死了四十多只 全家就靠这些羊过活哩 现在啥都没有了",
            (HOFFER, "好"),
            *help_asked(
                whose="俺自己家",
                kind="{opt:灾害}",
                when="今年一月",
                people="６口",
                wanted="想要些补助 再买些羊",
                phone="１３５０９７２６６８８",
            ),
        ),
        _d(
            "hard-golmud-job-lost",
            "hardship",
            "hardship",
            "从格尔木回来了 厂子关了没活干 家里老人还有病 收入一下子没了 想申请个帮扶",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:失业}",
                when="上个月",
                people="四口",
                wanted="找个活干",
                phone="15297110032",
            ),
        ),
        _d(
            "hard-wheelchair-son",
            "hardship",
            "hardship;keep=轮椅",
            "俺娃是脑瘫 要坐轮椅 一个好点的轮椅好几千 家里实在买不起 能不能帮一哈",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:残疾}",
                when="娃生下来就这样 今年十岁了",
                people="三口人",
                wanted="给娃娃弄个轮椅",
                phone="138 9722 4567",
            ),
        ),
        _d(
            "hard-zhuangkuo-fire",
            "hardship",
            "hardship",
            "前天晚上俺家庄廓着火了 房子烧了一半 一家六口没地方住 现在在亲戚家挤着",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:意外}",
                when="前天晚上",
                people="6",
                wanted="想先有个住的地方 再把房子修起来",
                phone="13709725511",
            ),
        ),
        _d(
            "hard-emoji-cancer",
            "hardship",
            "hardship",
            "😭😭俺男人查出来是胃癌 手术要十几万 亲戚家里都借遍了 娃娃还小😭",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:大病}",
                when="这个月",
                people="四口人",
                wanted="看病报销 还有临时救助",
                phone="18997201234",
            ),
        ),
        _d(
            "hard-by-category",
            "hardship",
            "hardship",
            "我要反映",
            (ASKCAT, "{opt:返贫}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT, "三个娃都在上学 老大今年考上大学了 学费住宿费一万多 家里交不起"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:上学}",
                when="今年八月",
                people="五口",
                wanted="娃娃上学的资助",
                phone="13619723388",
            ),
        ),
        _d(
            "hard-former-cadre-for-old-man",
            "hardship",
            "hardship",
            "我是原来的村干部 村里有个老汉一个人过 眼睛看不见了 房子还漏雨 我帮他登记一下",
            (HOFFER, "1"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:残疾}",
                when="去年",
                people="一个人",
                wanted="把房子修一修 再看看能不能吃上低保",
                phone="老汉没手机 打我的 13897009876",
            ),
        ),
        _d(
            "hard-switch-from-report",
            "hardship",
            "hardship;keep=震裂",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "俺家的房子叫地震震裂了 墙上的缝能伸进去手 住不成了 也没人来看"),
            (MORE, "改为困难帮扶"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:灾害}",
                when="今年一月",
                people="四口人",
                wanted="修房子",
                phone="15809721010",
            ),
        ),
    ]


def _persons() -> list[Dialogue]:
    """A person (7): the question reaches staff, and the villager is told who answers and when."""
    return [
        _d(
            "person-voice-zhuanrengong",
            "person",
            "person",
            "转人工",
            (ASKQ, "俺家的草原补奖今年为啥少了一半"),
        ),
        _d(
            "person-not-machine",
            "person",
            "person",
            "我不想跟机器说话 叫个真人来",
            (ASKQ, "宅基地批了两年还批不下来 想问问到底卡在哪了"),
        ),
        _d(
            "person-find-cadre",
            "person",
            "person",
            "我要找干部",
            (ASKQ, "俺们庄子的路灯坏了半年了 谁管"),
        ),
        _d(
            "person-one-message",
            "person",
            "human",
            "人工客服 问一下 俺娘的高龄补贴咋停了",
        ),
        _d(
            "person-homophone",
            "person",
            "person",
            "转人功",
            (ASKQ, "俺娃的户口上错了名字 阿么改"),
        ),
        _d(
            "person-emoji",
            "person",
            "person",
            "🙏🙏找个人工",
            (ASKQ, "医保卡丢了去哪补办🙏"),
        ),
        _d(
            "person-kefu",
            "person",
            "person",
            "有没有客服 俺有事要问",
            (ASKQ, "搬迁的房子啥时候能拿到房产证"),
        ),
    ]


def _projects() -> list[Dialogue]:
    """The village's money (7): projects shown, a project's details, a doubt reported."""
    return [
        _d("proj-road-money", "projects", "projects", "村上修路的钱都花哪去了"),
        _d("proj-fullwidth-menu", "projects", "detail", "２", (LIST, "{opt:道路}")),
        _d("proj-words-then-one", "projects", "detail", "项目公开", (LIST, "1")),
        _d("proj-collective-income", "projects", "projects", "俺们村集体一年收入多少 账能看不"),
        _d("proj-money-from-above", "projects", "projects", "村里今年上面给了多少钱 都干了些啥"),
        _d(
            "proj-doubt-report",
            "projects",
            "report;keep=坑坑洼洼",
            "看看村里的项目",
            (LIST, "{opt:道路}"),
            ("反映", "这路修了没两年就坑坑洼洼的了 钱花得不对"),
            *rest(),
        ),
        _d(
            "proj-paging",
            "projects",
            "projects",
            "村里的项目",
            (LIST, "更多"),
            ("序号|上一页", "上一页"),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Tracking (7): number and code in the shapes people type them; a number that is not one is asked about."""
    return [
        _d("track-plain", "track", "case", "查进度", (TRACKQ, "{n} {c}")),
        _d("track-fullwidth-menu", "track", "case", "４", (TRACKQ, "{nf}　{cf}")),
        _d("track-code-first-two-lines", "track", "case", "我想看看俺反映的事办得咋样了", (TRACKQ, "{c}\n{n}")),
        _d("track-no-dashes", "track", "case", "{nd} {c}"),
        _d("track-chinese-punctuation", "track", "case", "编号：{n}，查询码：{c}。"),
        _d("track-spaced", "track", "case", "查一哈 {ns} 码是{cs}"),
        _d("track-bad-number", "track", "notcase", "查询进度", (TRACKQ, "{p1}-{p2}-12 {c}")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk (6): a short warm answer and the menu."""
    return [
        _d("small-zaima", "smalltalk", "menu", "在吗在吗"),
        _d("small-thanks-emoji", "smalltalk", "menu", "谢谢你们 辛苦了🙏🙏"),
        _d("small-thumbs", "smalltalk", "menu", "👍👍👍"),
        _d("small-joking", "smalltalk", "menu", "哈哈 你们这个还挺好使 比村上的大喇叭强"),
        _d("small-salar-greeting", "smalltalk", "menu", "色俩目 你好"),
        _d("small-received", "smalltalk", "menu", "好的好的 收到了"),
    ]


def _navigation() -> list[Dialogue]:
    """Navigation and exits (5): no state traps."""
    return [
        _d("nav-cancel-at-category", "navigation", "cancel", "我要反映", (ASKCAT, "算了 不弄了")),
        _d("nav-back-from-projects", "navigation", "back", "项目公开", (LIST, "返回")),
        _d("nav-help", "navigation", "help", "这个阿么用哩 帮助"),
        _d("nav-home-from-person", "navigation", "menu", "人工", (ASKQ, "首页")),
        _d(
            "nav-restart-in-report",
            "navigation",
            "menu",
            "反映",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "重新开始"),
        ),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions (4): answered, or a refusal that offers both ways on."""
    return [
        _d("q-disability-subsidy", "question", "answer", "残疾人两项补贴阿么领哩"),
        _d("q-high-school-aid", "question", "answer", "娃上高中有没有啥补助"),
        _d("q-medical-insurance", "question", "answer", "医保一年交多少钱"),
        _d("q-weather", "question", "refusal", "明天化隆下雪不"),
    ]


def blind_f() -> list[Dialogue]:
    """The 80 dialogues of blind set F, all held out."""
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
