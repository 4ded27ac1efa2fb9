"""Blind dialogue set H (issue #18 §1-§5): 80 conversations written from the issue, README.md, docs/chat.md
and the harness (tests/dialogue_eval.py) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by their writer.

The people are other villagers of 海东 (青海) than in the earlier sets: a 土族 grandmother in 互助 who
dictates to her granddaughter, a migrant worker back home in 民和, a village doctor, a 回族 shopkeeper in
化隆, a herder's wife up in the 乐都 mountains, a young mother on 低保, a man who lost a leg, a 村监委
member, a retired teacher in 平安, a 循化 pepper grower, and someone who only types by voice, in run-ons
with same-sound errors. They write dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 整), typos, full-width digits,
Chinese numerals, no punctuation and emoji; they answer steps in their own words (sometimes with more than
is asked, sometimes less), change their mind and leave half-way.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_h`.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    EXAMPLE,
    HCHECK,
    HOFFER,
    HPHONE,
    LIST,
    OFFER,
    TELL,
    TRACKQ,
    WHOSE,
    held_out,
    help_asked,
    rest,
)
from tests.dialogue_corpus import Dialogue

# A category question proper (a story's guessed category is shown as 类别 and not asked again).
PICKCAT = "哪一类|哪类|哪种问题|哪方面"
_d = held_out("bh")


def _asks() -> list[Dialogue]:
    """Report by asking: the villager says they want to report, then answers each step."""
    return [
        _d(
            "tu-grandma",
            "report",
            "report;anon=1",
            "我是替我阿奶打字的 她说要反映个事情",
            (ASKCAT, "{opt:资金}"),
            (TELL, "阿奶说她的高龄补贴去年秋天开始就少了一半 村上的文书说是统一扣了医保 可是医保她自己早交过了"),
            *rest(more="奶奶说就这些", name="{opt:匿名}"),
        ),
        _d(
            "minhe-worker",
            "report",
            "report;cat=土地",
            "在外头打了十年工刚回来 想反映一哈村里的事",
            (ASKCAT, "{opt:土地}"),
            (TELL, "俺出去打工这些年 家里的三亩承包地叫社长给别人种上了 也没跟俺说一声 租钱也不知道谁拿了"),
            *rest(more="嗯 没别的", pic="没拍过"),
        ),
        _d(
            "doctor-fee",
            "report",
            "report",
            "我是村卫生室的村医 有个情况要向纪委反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "基本公共卫生服务的补助 乡上每年拨下来 村委会要扣走百分之二十 说是村里的办公经费"),
            *rest(more="先这些", who="{opt:村干部}", name="{opt:实名}", give="祁明德 13909725631"),
        ),
        _d(
            "hui-shop",
            "report",
            "report",
            "色兰 我是化隆街上开小卖部的 投诉个事",
            (ASKCAT, "{optc:资金}"),
            (TELL, "办营业执照续期的时候乡上一个办事员说要交六百块加急费 不交就一直拖着 也不给开票"),
            *rest(who="{opt:乡镇干部}", pic="莫有票据"),
        ),
        _d(
            "herder-wife",
            "report",
            "report;cat=优亲厚友",
            "俺们在山上放羊的 网不好 想举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "草原管护员一个村三个名额 全是村主任家的人 俺男人报了两年都没轮上"),
            *rest(more="好"),
        ),
        _d(
            "jianwei-member",
            "report",
            "report;anon=0",
            "我是村监委委员 按程序应该咋反映 我要实名反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村集体的光伏收益去年二十三万 村两委开会只说了十五万 账本不让监委看"),
            *rest(more="情况就是这样", name="{opt:实名}", give="李永福 18797213345"),
        ),
        _d(
            "teacher-project",
            "report",
            "report;cat=项目",
            "您好，我是平安区退休的老师，想反映一个问题。",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里前年建的文化广场，公示说投资四十万，实际就铺了一层水泥，健身器材到现在也没装。"),
            *rest(more="以上就是我要反映的全部内容。", pic="暂时没有"),
        ),
        _d(
            "voice-homophone",
            "report",
            "report",
            "我要据报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "我们村的低报名单里面有村主人的两个兄弟他们家都盖了楼房了真正困难的人家没有评上去"),
            *rest(more="好了好了", pic="没有"),
        ),
        _d(
            "fullwidth-steps",
            "report",
            "report",
            "３",
            (ASKCAT, "{optw:资金}"),
            (TELL, "退耕还林补助 俺家８亩 今年只到了３亩的钱"),
            *rest(who="{optw:村干部}", name="{optw:匿名}", check="{optw:提交}"),
        ),
        _d(
            "chinese-numerals",
            "report",
            "report",
            "反映问题",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "村上评监测户的时候 会计把他丈母娘家评上了 他丈母娘家开着砂场"),
            *rest(who="{optc:村干部}", name="{optc:匿名}", check="{optc:提交}"),
        ),
        _d(
            "more-than-asked-cat",
            "report",
            "report;keep=护林员",
            "我要举报",
            (ASKCAT, "资金方面的 护林员工资村上每个月给扣两百 扣了一年了"),
            (TELL, "护林员工资村上每个月给扣两百 扣了一年了"),
            *rest(),
        ),
        _d(
            "less-than-asked",
            "report",
            "report",
            "有个事要反映 咋整",
            (ASKCAT, "{opt:资金}"),
            (TELL, "补贴"),
            (EXAMPLE, "俺家的种粮补贴 村上说发了 俺的一卡通上一分都没见着 去信用社查过了"),
            *rest(),
        ),
        _d(
            "skip-not-stored",
            "report",
            "report;drop=跳过",
            "我要投诉村干部",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "跳过"),
            (EXAMPLE, "村上分的扶贫羊 村长家亲戚一家分了五只 俺们一只都没有"),
            *rest(pic="跳过"),
        ),
        _d(
            "mind-changed-name",
            "report",
            "report;anon=1",
            "检举揭发",
            (ASKCAT, "{opt:资金}"),
            (TELL, "村里的集体林地卖了树 卖树的钱没进村里的账 村民都不知道卖了多少"),
            *rest(name="{opt:实名}", give="名字还是不留了 匿名吧"),
        ),
        _d(
            "pepper-xunhua",
            "report",
            "report",
            "循化种辣子的 举报一哈",
            (ASKCAT, "{opt:资金}"),
            (TELL, "去年冰雹打了辣子 上面给的灾害补助 村干部说只有一半人家有 名单也不贴出来"),
            *rest(more="没了", pic="没照片"),
        ),
        _d(
            "disabled-man",
            "report",
            "report",
            "我是残疾人 腿没了一条 想告一下村上",
            (ASKCAT, "{opt:资金}"),
            (TELL, "残疾人护理补贴每个月应该有一百多 村文书替我领的 到我手上只有五十 他说是跑腿费"),
            *rest(more="说完了", name="{opt:匿名}"),
        ),
        _d(
            "ledu-grazing",
            "report",
            "report",
            "乐都山里的 阿么举报呢 俺要举报",
            (ASKCAT, "{opt:土地}"),
            (TELL, "村上把俺们几家的草山划给了外村一个老板搞旅游 一分补偿没给 村长说是上面定的"),
            *rest(who="{opt:村干部}"),
        ),
        _d(
            "emoji-ask",
            "report",
            "report",
            "😡😡我要反映村干部",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "危房改造名额给了支书的外甥 他家房子前年才盖的 俺家的房墙都裂了😭"),
            *rest(more="就这"),
        ),
        _d(
            "town-cadre",
            "report",
            "report",
            "想反映乡上的干部",
            (ASKCAT, "{opt:资金}"),
            (TELL, "乡上管低保的干部 每次来核查都要在村上吃一顿 村上的招待费都记在低保户头上"),
            *rest(who="{opt:乡镇干部}"),
        ),
        _d(
            "project-ask",
            "report",
            "report;cat=项目",
            "投诉！村上的事",
            (ASKCAT, "{opt:项目}"),
            (TELL, "自来水管子埋得太浅 一到冬天就冻裂 修了三回了 每回都说是村里自筹的钱"),
            *rest(),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story, without asking to report first."""
    return [
        _d(
            "s-dead-paid",
            "story",
            "report;keep=老人去世",
            "俺们庄子里老人去世三年了 他的低保村上还一直在报 钱不知道谁领走了",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-fee-demanded",
            "story",
            "report",
            "村主任给人开个证明要收一百块钱 说是盖章费 全村人都交过",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-voice-runon",
            "story",
            "report",
            "我跟你说我们村的会机把村里的集体资金借给他儿子买车了到现在都没有还村民开会问他他就说过段时间就还",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="对就是这个事"),
        ),
        _d(
            "s-relative-dibao",
            "story",
            "report;cat=优亲厚友",
            "社长的亲家母吃着低保 他们家儿子在西宁开饭馆呢",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(),
        ),
        _d(
            "s-grandma-land",
            "story",
            "report",
            "我奶奶让我说 村上修路占了她家一亩地 补偿款村上说发了 奶奶一分都没拿到",
            (OFFER, "{opt:开始反映}"),
            (PICKCAT, "{opt:土地}"),
            *rest(more="奶奶说没了"),
        ),
        _d(
            "s-project-cracked",
            "story",
            "report;cat=项目",
            "村里新修的蓄水池还没用呢就漏水了 包工头是村长的小舅子",
            (OFFER, "1"),
            (PICKCAT, "{opt:项目}"),
            *rest(),
        ),
        _d(
            "s-fullwidth-money",
            "story",
            "report",
            "村文书把俺家的耕地补贴领走了 一共２８００元",
            (OFFER, "１"),
            (PICKCAT, "{optw:资金}"),
            *rest(pic="没有 他不给看"),
        ),
        _d(
            "s-public-job",
            "story",
            "report",
            "村里的保洁员是支书的媳妇 每个月领钱 路上的垃圾从来没人扫",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(),
        ),
        _d(
            "s-no-punct",
            "story",
            "report",
            "村长把村里的羊圈租出去了租金他自己收着村里账上没有",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="嗯"),
        ),
        _d(
            "s-safety-first",
            "story",
            "report;anon=1",
            "村干部把搬迁的补助款扣了一半 我说出来会不会被村里知道",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(name="{opt:匿名}"),
        ),
        _d(
            "s-teacher-meal",
            "story",
            "report",
            "我们村小学的营养餐 村会计报的是每天一个鸡蛋一盒奶 娃们一个礼拜才吃上一回",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(more="好了 说完了"),
        ),
        _d(
            "s-doctor-fake",
            "story",
            "report",
            "乡卫生院的人拿村民的身份证虚报住院 骗医保的钱 我是村医我知道",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(who="{opt:乡镇干部}"),
        ),
        _d(
            "s-emoji-favour",
            "story",
            "report",
            "👎村主任家的三个娃都当上公益岗了 俺们想干都轮不上",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(),
        ),
        _d(
            "s-collective-cattle",
            "story",
            "report",
            "村里集体养的那三十头牛 去年说是病死了一半 俺们都看见是支书拉到集上卖了",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """Hardship, for the villager's own household or on someone's behalf, with a phone number."""
    return [
        _d(
            "h-young-mother",
            "hardship",
            "hardship",
            "我一个人带两个娃 吃着低保 小的那个查出来先天性心脏病 要去西宁做手术 钱凑不够",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "1", "这个月刚查出来", "三口", "手术的钱能报多少 想申请救助", "15809721346"),
        ),
        _d(
            "h-disabled-man",
            "hardship",
            "hardship",
            "俺去年干活把腿轧断了截了肢 现在啥活都干不了 家里老娘也病着",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}", "{opt:残疾}", "去年九月", "4个人", "找个能坐着干的活 还有残疾补贴", "13519724468"
            ),
        ),
        _d(
            "h-herder-snow",
            "hardship",
            "hardship",
            "山上下了大雪 俺家的羊冻死了四十多只 一家子就靠这些羊呢",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}", "{opt:自然灾害}", "上个礼拜", "６", "买些草料 再补些羊", "１３８９７２６０４１９"
            ),
        ),
        _d(
            "h-migrant-jobless",
            "hardship",
            "hardship",
            "在外头的厂子倒闭了 回来两个月了 找不上活 娃上学的钱都没有",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "失业 还有娃上学", "两个月前", "五个人", "找个活干 娃的学费", "18209726653"),
        ),
        _d(
            "h-doctor-neighbour",
            "hardship",
            "hardship",
            "我是村医 村上有个老阿奶八十多了一个人过 瘫在炕上 儿女都不在身边 没人照顾",
            (HOFFER, "1"),
            *help_asked(
                "{opt:别人家}", "{opt:大病}", "今年开春", "1", "有人照顾 吃上低保", "她没电话 打我的13997264410"
            ),
        ),
        _d(
            "h-tu-house",
            "hardship",
            "hardship",
            "替我阿奶说 她的老房子墙裂了 下雨就漏 晚上都不敢睡",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "其他 房子要塌了", "今年夏天", "2口人", "房子修一修", "139 0972 5518"),
        ),
        _d(
            "h-teacher-student",
            "hardship",
            "hardship",
            "我是退休教师 邻居家的娃考上大学了 爹妈都有病 学费实在拿不出来 我替他们登记一下",
            (HOFFER, "1"),
            *help_asked("{opt:别人家}", "{opt:上学}", "今年八月", "4", "学费资助 助学贷款", "13709723381"),
        ),
        _d(
            "h-fire",
            "hardship",
            "hardship",
            "昨晚上俺家着火了 厨房和粮食都烧光了 人没事",
            (HOFFER, "{opt:登记}"),
            *help_asked("{opt:自己家}", "{opt:意外}", "昨天晚上", "5", "临时救助 先有个住的地方", "15297218806"),
        ),
        _d(
            "h-by-category",
            "hardship",
            "hardship",
            "我要反映",
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "{opt:自己家}"),
            (TELL, "俺男人前年得了肝病 今年又住院了 欠了亲戚十几万 地也种不成了"),
            *help_asked("{opt:自己家}", "{opt:大病}", "今年六月", "四口", "看病报销 临时救助", "13619728890"),
        ),
        _d(
            "h-all-at-once",
            "hardship",
            "hardship",
            "俺家五个人 上个月俺爹脑溢血住院 花了八万多 想申请医疗救助",
            (HOFFER, "1"),
            (WHOSE, "{opt:自己家}"),
            (HPHONE, "手机15719720037"),
            (HCHECK, "{opt:提交}"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person."""
    return [
        _d("p-plain", "person", "human", "转人工", (ASKQ, "俺家的低保卡换了新的 钱打到哪个卡上")),
        _d("p-grandma", "person", "human", "阿奶说要找个人问问", (ASKQ, "阿奶的养老金今年涨了没有 涨了多少")),
        _d("p-voice", "person", "human", "我要找人工客服说话", (ASKQ, "我在外地打工医保在老家交的看病咋报销")),
        _d("p-shop", "person", "human", "有工作人员吗 机器人我说不清", (ASKQ, "小卖部办食品经营许可证要啥材料")),
        _d("p-cadre", "person", "human", "有没有乡上的干部能回答我", (ASKQ, "俺的宅基地证上名字写错了 咋改")),
        _d("p-one-message", "person", "human", "转人工 我家娃的雨露计划补助今年咋没发下来"),
        _d("p-typo", "person", "human", "转认工", (ASKQ, "残疾证到期了去哪里换")),
    ]


def _projects() -> list[Dialogue]:
    """The village's own projects and funds."""
    return [
        _d("j-water", "projects", "projects", "村里修水渠花了多少钱"),
        _d("j-collective", "projects", "projects", "俺们村集体的钱一年收多少 花哪去了"),
        _d("j-list", "projects", "projects", "看一哈村上的项目"),
        _d("j-menu-word", "projects", "projects", "项目公开"),
        _d("j-detail", "projects", "detail", "村里都搞了啥项目", (LIST, "1")),
        _d("j-detail-chinese", "projects", "detail", "村里的项目和钱", (LIST, "一")),
        _d(
            "j-doubt",
            "projects",
            "report",
            "村里项目公开看一下",
            (LIST, "1"),
            ("反映", "反映"),
            (ASKCAT, "{opt:项目}"),
            (TELL, "这个项目的钱公示的和村里人看到的对不上 活干得也不好"),
            *rest(),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a filed case by its number and query code."""
    return [
        _d("t-plain", "tracking", "case", "俺反映的事情办得咋样了", (TRACKQ, "{n} {c}")),
        _d("t-fullwidth", "tracking", "case", "查询进度", (TRACKQ, "{p1f}-{p2f}-{p3f} {cf}")),
        _d("t-punct", "tracking", "case", "查一下", (TRACKQ, "编号：{n}；查询码：{c}")),
        _d("t-code-first", "tracking", "case", "看看进度", (TRACKQ, "{c}\n{n}")),
        _d("t-nodash", "tracking", "case", "查案子", (TRACKQ, "{nd} {cs}")),
        _d("t-extra-dash", "tracking", "case", "进度", (TRACKQ, "{p1}--{p2}--{p3} {c}")),
        _d("t-short-number", "tracking", "notcase", "查进度", (TRACKQ, "63022-2026-000001 246810")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk gets a short warm answer and the menu."""
    return [
        _d("k-hello", "smalltalk", "menu", "你好呀"),
        _d("k-thanks", "smalltalk", "menu", "谢谢了啊"),
        _d("k-salam", "smalltalk", "menu", "色兰"),
        _d("k-emoji", "smalltalk", "menu", "🙏🙏🙏"),
        _d("k-there", "smalltalk", "menu", "你们在吗"),
        _d("k-received", "smalltalk", "menu", "知道了 收到"),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving and going back from the steps."""
    return [
        _d("n-leave-midway", "navigation", "cancel", "我要反映", (ASKCAT, "{opt:资金}"), (TELL, "不弄了 退出")),
        _d("n-back-top", "navigation", "back", "上一步"),
        _d("n-menu-tracking", "navigation", "menu", "查进度", (TRACKQ, "回主菜单")),
        _d("n-help", "navigation", "help", "帮助"),
        _d("n-cancel-hardship", "navigation", "cancel", "家里老人病了 没钱看", (HOFFER, "取消")),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions."""
    return [
        _d("q-disabled", "question", "answer", "残疾人两项补贴咋申请"),
        _d("q-pension", "question", "answer", "农村养老保险最低一档交多少"),
        _d("q-rainbow", "question", "answer", "医保一年交多少钱 在哪交"),
        _d("q-dangerous-house", "question", "answer", "危房改造要啥条件"),
    ]


def blind_h() -> list[Dialogue]:
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
