"""Blind dialogue set G (issue #18 §1-§5): 80 conversations written from the issue, README.md, docs/chat.md
and the harness (tests/dialogue_eval.py) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other dialogue sets' phrasings, and never run by their writer.

The people are other villagers of 海东 (青海) than in the earlier sets: a 藏族 herder in 化隆 who mixes in
Tibetan greetings, a 撒拉族 mother in 循化, a lorry driver in 乐都, a nurse at the township clinic, a young
大学生村官, an old man whose grandson types for him, a widow asking for her late husband's 补贴, a 低保
household that was dropped, a man whose 宅基地 was taken, a school cook asking about 营养餐 money, someone who
only asks questions, someone who changes their mind twice, someone who answers every step with more than is
asked. They write dialect (啥, 咋, 阿么, 娃, 尕娃, 俺, 整, 莫, 些, 一哈, 庄廓, 家里人), typos and same-sound
voice errors, full-width digits, Chinese numerals, no punctuation, long run-on voice stories and emoji.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_g`.
"""

from __future__ import annotations

from tests.blind_support import ASKCAT, ASKQ, EXAMPLE, HOFFER, LIST, OFFER, TELL, TRACKQ, held_out, help_asked, rest
from tests.dialogue_corpus import Dialogue

# A category question proper (a story's guessed category is shown as 类别 and not asked again).
PICKCAT = "哪一类|哪类|哪种问题|哪方面"

_d = held_out("bg")


def _asks() -> list[Dialogue]:
    """Report by asking: the villager says they want to report, then answers each step."""
    return [
        _d(
            "herder-tashi",
            "report",
            "report",
            "扎西德勒 俺是化隆的牧民 想举报个事",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村里草场补奖的钱村长给他自家亲戚多分了 俺们牧户少了一半"),
            *rest(),
        ),
        _d(
            "salar-mother",
            "report",
            "report;anon=1",
            "我要反应问题",
            (ASKCAT, "{optw:优亲厚友}"),
            (TELL, "循化这边娃娃的教育补助 村干部说要交两百块手续费才给发 俺交了也没发"),
            *rest(name="{opt:匿名}"),
        ),
        _d(
            "lorry-ledu",
            "report",
            "report",
            "乐都跑车的 投诉一哈村干部",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里修的那条路才一年就烂完了 拉货车都过不去 钱到底花哪了"),
            *rest(pic="跳过"),
        ),
        _d(
            "nurse-clinic",
            "report",
            "report",
            "您好 我是乡卫生院的护士 想检举一件事情",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "村医的乡村医生补助被村会计扣了三个月 每个月扣五百 一共一千五百元"),
            *rest(),
        ),
        _d(
            "cadre-grad",
            "report",
            "report;anon=0",
            "我是大学生村官 这个平台能实名举报吗 我要举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "本村监测户认定的时候村主任把自己的小舅子报上去了 他家开着小卖部有两辆车"),
            *rest(name="{opt:实名}", give="李海龙 15597231087"),
        ),
        _d(
            "grandson-types",
            "report",
            "report",
            "我帮我爷爷打字 他说他要告状",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "爷爷说村里高龄补贴他一直没领到过 隔壁的老汉年纪比他小都领上了"),
            *rest(more="就这些 好了"),
        ),
        _d(
            "widow-subsidy",
            "report",
            "report",
            "我想反映个事情😢",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺男人去年没了 他的残疾人补贴村里一直不给俺说 听说还在往外发 钱不知道谁领了"),
            *rest(),
        ),
        _d(
            "dropped-dibao",
            "report",
            "report",
            "揭发",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "俺家的底保今年突然没了 没人来家里看过 村上说名额不够给了支书的侄子"),
            *rest(),
        ),
        _d(
            "zhaijidi",
            "report",
            "report",
            "我有事要说 村上把俺家宅基地占了 我要举包",
            (ASKCAT, "{opt:土地}"),
            (TELL, "俺家庄廓后面那块宅基地 村委会说要修广场收走了 一分钱没给 后来盖成了副主任家的房子"),
            *rest(),
        ),
        _d(
            "school-cook",
            "report",
            "report",
            "学校灶上做饭的 想反映营养餐的钱",
            (ASKCAT, "{opt:资金}"),
            (TELL, "营养餐每个娃一天五块钱 实际上饭菜就两块钱的样子 采购都是校长亲戚家的"),
            *rest(who="{opt:其他}"),
        ),
        _d(
            "more-than-asked",
            "report",
            "report",
            "举报",
            (ASKCAT, "{opt:优亲厚友} 就是低保那个 村上偏向自家人"),
            (
                TELL,
                "村支书把低保给他姐夫家了 他姐夫家有楼房有车 俺们村好几户真困难的没有 "
                "这事去年十月份定的 村里好多人都知道",
            ),
            *rest(more="好了 说完了 就是这些 还有啥要填的你问", who="村干部 就是支书"),
        ),
        _d(
            "voice-runon",
            "report",
            "report",
            "我要举报村里的会计他",
            (ASKCAT, "{opt:资金}"),
            (TELL, "就是那个村会计他把俺们退耕还林的钱拿去了说是统一管理结果一直没发到现在都两年了问他他就说再等等"),
            *rest(),
        ),
        _d(
            "fullwidth-steps",
            "report",
            "report",
            "我要曝光",
            (ASKCAT, "{optw:项目}"),
            (TELL, "村里的自来水工程说是全村通水 现在一半人家还是拉水吃 管子都没埋到底"),
            *rest(who="{optw:村干部}", name="{optw:匿名}", check="{optw:提交}"),
        ),
        _d(
            "chinese-num",
            "report",
            "report",
            "阿么举报呢",
            (ASKCAT, "{optc:优亲厚友}"),
            (TELL, "危房改造的钱 村上先报的是我家 后来换成了主任的亲戚 他家房子是新的"),
            *rest(who="{optc:村干部}", name="{optc:匿名}", check="{optc:提交}"),
        ),
        _d(
            "hao-style",
            "report",
            "report",
            "有人贪污 我要投诉",
            (ASKCAT, "{opth:资金}"),
            (TELL, "村上集体的羊卖了三万多块钱 账上一分都没有 村民问了也不公开"),
            *rest(who="{opth:村干部}"),
        ),
        _d(
            "township-cadre",
            "report",
            "report",
            "我想举报乡镇上的干部",
            (ASKCAT, "{opt:资金}"),
            (TELL, "乡上管农机补贴的人 买农机的补贴要先给他一千块好处费 不给就不报"),
            *rest(who="{opt:乡镇干部}"),
        ),
        _d(
            "emoji-only-then",
            "report",
            "report",
            "😡😡 要告村长",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村长把村里公益岗位给了他儿媳妇 她一天都没去上过班 工资照拿"),
            *rest(),
        ),
        _d(
            "short-then-more",
            "report",
            "report;drop=跳过",
            "我要反映",
            (ASKCAT, "{opt:资金}"),
            (TELL, "钱"),
            (EXAMPLE, "村上的耕地地力补贴 每亩该发一百多 俺家只领了六十 剩下的说是扣了水费 从来没见过收据"),
            *rest(),
        ),
        _d(
            "anon-worry",
            "report",
            "report;anon=1",
            "说个事 我怕被村上知道是我说的 能不能不留名字 我要举报",
            (ASKCAT, "{opt:优亲厚友}"),
            (TELL, "村里临时救助给的都是村干部家里人 俺们邻居老两口没人管"),
            *rest(name="不留名字 {opt:匿名}"),
        ),
        _d(
            "tibetan-mix",
            "report",
            "report",
            "扎西德勒 阿库 我想告一下村上",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村里修牛棚的项目 说给每户补一万 俺们没见到钱 牛棚是包工头随便搭的 一刮风就倒了"),
            *rest(),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story, without asking to report first."""
    return [
        _d(
            "s-dibao-relative",
            "story",
            "report",
            "俺们村的支书把低保全给了他家亲戚 真正困难的一个都没有",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(),
        ),
        _d(
            "s-dead-paid",
            "story",
            "report",
            "俺庄上的马老汉前年就没了 他的养老金还一直在发 是村会计在领",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-road-money",
            "story",
            "report",
            "修路的钱村上报了五十万 路就铺了一半 剩下的钱让村主任和包工头分了",
            (OFFER, "{opt:开始反映}"),
            (PICKCAT, "{opt:项目}"),
            *rest(),
        ),
        _d(
            "s-land-taken",
            "story",
            "report",
            "村委会把俺家的承包地租给外面老板种枸杞了 租金一年一万多 俺们一分没拿到",
            (OFFER, "1"),
            (PICKCAT, "{opt:土地}"),
            *rest(),
        ),
        _d(
            "s-voice-long",
            "story",
            "report",
            "我跟你说个事情就是我们村那个文书他每次发补贴的时候都要扣我们每家一百块钱说是办事费我们也不敢说啥子去年就这样今年还这样",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-favour-job",
            "story",
            "report",
            "村上的护林员都是村长家的人 一个是他儿子 一个是他女婿 啥活都不干",
            (OFFER, "１"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(),
        ),
        _d(
            "s-widow-allowance",
            "story",
            "report",
            "俺老汉走了以后 他的补贴村上说停了 可是俺查了卡上还有人取钱",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-project-quality",
            "story",
            "report",
            "村里新盖的文化广场地砖一踩就碎 验收的时候乡上的人喝了一顿酒就签字了",
            (OFFER, "一"),
            (PICKCAT, "{opt:项目}"),
            *rest(),
        ),
        _d(
            "s-meal-money",
            "story",
            "report",
            "学校的营养餐钱校长让他亲戚承包了 娃们吃的是最便宜的 一顿饭连个鸡蛋都没有",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(who="{opt:其他}"),
        ),
        _d(
            "s-dibao-dropped",
            "story",
            "report",
            "俺家低保今年给取消了 村上说俺家有车 那个车是俺娃打工贷款买的拉货的 村主任他哥家楼房两层还吃着低保",
            (OFFER, "1"),
            (PICKCAT, "{opt:优亲厚友}"),
            *rest(),
        ),
        _d(
            "s-zhaijidi",
            "story",
            "report",
            "村主任把俺家庄廓旁边的宅基地划给他兄弟了 那是俺爷爷手上就有的",
            (OFFER, "1"),
            (PICKCAT, "{opt:土地}"),
            *rest(),
        ),
        _d(
            "s-mind-changes",
            "story",
            "report",
            "村干部把救灾的面粉拉回自己家了",
            (OFFER, "0"),
            "算了 还是要说 村干部把救灾的面粉和清油拉回自己家了 俺们受灾户一袋都没领到",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-grant-cut",
            "story",
            "report",
            "村会计把俺们的粮食补贴扣下了 说是抵以前欠的水费",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
        _d(
            "s-fake-names",
            "story",
            "report",
            "村上的公益性岗位花名册上有好几个人根本不在村里 都在外面打工 工资是村长领的",
            (OFFER, "1"),
            (PICKCAT, "{opt:资金}"),
            *rest(),
        ),
    ]


def _hardships() -> list[Dialogue]:
    """Hardship, for the villager's own household or on someone's behalf, with a phone number."""
    return [
        _d(
            "h-own-illness",
            "hardship",
            "hardship",
            "俺男人得了尿毒症 一个礼拜透析三次 家里钱全花完了 娃还在上学 日子过不下去了",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "1", "今年三月", "4", "看病的钱报销不够 想申请救助", "13897321564"),
        ),
        _d(
            "h-neighbour-old",
            "hardship",
            "hardship",
            "隔壁的老两口七十多了 儿子在外面出车祸没了 现在没人管 房子也漏雨",
            (HOFFER, "1"),
            *help_asked(
                "{opt:别人家}", "3", "去年冬天", "2", "房子修一哈 再看能不能吃上低保", "老人没手机 打我的 13619725843"
            ),
        ),
        _d(
            "h-hail",
            "hardship",
            "hardship",
            "冰雹把俺家的洋芋和油菜全打完了 一年白干了 想问问有没有啥帮助",
            (HOFFER, "1"),
            *help_asked(
                "{opt:自己家}", "{opt:自然灾害}", "上个月", "五口人", "种子钱和生活上帮一哈", "１３９９７０２４５８７"
            ),
        ),
        _d(
            "h-job-loss",
            "hardship",
            "hardship",
            "我在外面工地上打工摔断了腿 老板跑了 工钱也没给 家里老人娃娃都靠我 怕是要返贫了",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "3", "两个月前", "6", "看病和生活", "18797125630"),
        ),
        _d(
            "h-school-cost",
            "hardship",
            "hardship",
            "娃考上大学了 学费一年六千 俺家拿不出来 家里就俺一个人挣钱",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "{opt:上学}", "今年八月", "3", "学费能不能帮一哈", "15202527419"),
        ),
        _d(
            "h-cadre-for-elder",
            "hardship",
            "hardship",
            "我是村里的大学生村官 想替村里一个独居的老奶奶登记困难 她八十多了腿脚不好",
            (HOFFER, "1"),
            *help_asked("{opt:别人家}", "{opt:残疾}", "一直就这样 今年更重了", "1", "生活照料 看病", "13709720318"),
        ),
        _d(
            "h-flood-kin",
            "hardship",
            "hardship",
            "俺姐家在化隆 前些天发大水把庄廓冲塌了一半 一家人住在亲戚家 帮她们问问",
            (HOFFER, "1"),
            *help_asked("{opt:别人家}", "4", "前些天 七月中旬", "五个", "房子重修", "她家电话 13897108826"),
        ),
        _d(
            "h-disabled-son",
            "hardship",
            "hardship",
            "俺娃是残疾 生下来就不会走路 俺一个人带着 地也种不了 咋整",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "2", "一直是这样", "两个人", "残疾补贴和低保", "18997226514"),
        ),
        _d(
            "h-nurse-patient",
            "hardship",
            "hardship",
            "我是卫生院的护士 有个病人家里特别困难 癌症化疗 家里欠了十几万 他本人不会用手机 我帮他登记",
            (HOFFER, "1"),
            *help_asked("{opt:别人家}", "1", "去年十二月查出来的", "4口", "医疗救助", "病人儿子的电话13519728840"),
        ),
        _d(
            "h-tibetan-herd",
            "hardship",
            "hardship",
            "扎西德勒 俺家的牛羊今年冬天雪灾冻死了二十多只 家里没啥收入了",
            (HOFFER, "1"),
            *help_asked("{opt:自己家}", "4", "今年一月", "７", "买些草料 再补一哈牲口", "13897239951"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person."""
    return [
        _d("p-rengong", "person", "human", "转人工", (ASKQ, "俺家的草原补奖今年咋还没到账 想问问人")),
        _d("p-typo", "person", "human", "人公服务", (ASKQ, "营养餐的钱学校咋算的 问个真人")),
        _d("p-real", "person", "human", "有没有真人 机器说不明白", (ASKQ, "俺老汉的丧葬补助去哪里申请")),
        _d("p-cadre", "person", "human", "我要找干部说话", (ASKQ, "宅基地证办下来要多久")),
        _d("p-kefu", "person", "human", "客服在吗", (ASKQ, "低保取消了能不能重新申请 找个人问问")),
        _d(
            "p-grandson",
            "person",
            "human",
            "我替我爷爷问 找个工作人员",
            (ASKQ, "爷爷八十五了 高龄补贴是每个月发还是一年发一次"),
        ),
        _d("p-fullwidth", "person", "human", "人工客服", (ASKQ, "跑车的能不能办灵活就业医保 交多少钱")),
    ]


def _projects() -> list[Dialogue]:
    """The village's own projects and funds."""
    return [
        _d("j-road", "projects", "projects", "村里修路的钱花到哪了"),
        _d("j-list", "projects", "projects", "俺们村有啥项目 钱多少 给看一哈"),
        _d("j-collective", "projects", "projects", "村集体收入一年多少钱 咋用的"),
        _d("j-detail", "projects", "detail", "村上的项目公开", (LIST, "1")),
        _d("j-detail-wide", "projects", "detail", "看看村里的项目", (LIST, "１")),
        _d("j-subsidy", "projects", "projects", "今年补助发了多少 村里的钱都用在啥上了"),
        _d(
            "j-question-report",
            "projects",
            "report",
            "村里的项目",
            (LIST, "1"),
            ("反映", "反映"),
            (ASKCAT, "{opt:项目}"),
            (TELL, "这个项目的路面已经裂了好几道缝 才修了半年"),
            *rest(),
        ),
    ]


def _tracking() -> list[Dialogue]:
    """Looking up a filed case by its number and query code."""
    return [
        _d("t-plain", "tracking", "case", "查一哈俺反映的事", (TRACKQ, "{n} {c}")),
        _d("t-fullwidth", "tracking", "case", "查进度", (TRACKQ, "{nf} {cf}")),
        _d("t-spaces", "tracking", "case", "我反映的事咋样了", (TRACKQ, "{ns} {cs}")),
        _d("t-nodash", "tracking", "case", "查询", (TRACKQ, "编号{nd} 查询码{c}")),
        _d("t-lines", "tracking", "case", "查案件", (TRACKQ, "{n}\n{c}")),
        _d("t-reversed", "tracking", "case", "进度查询", (TRACKQ, "查询码{c}，编号{n}")),
        _d("t-bad-number", "tracking", "notcase", "查进度", (TRACKQ, "630223-2026-1 979283")),
    ]


def _smalltalk() -> list[Dialogue]:
    """Small talk gets a short warm answer and the menu."""
    return [
        _d("k-hello", "smalltalk", "menu", "你好"),
        _d("k-thanks", "smalltalk", "menu", "谢谢你们了 辛苦了"),
        _d("k-there", "smalltalk", "menu", "在吗在吗"),
        _d("k-emoji", "smalltalk", "menu", "👍👍"),
        _d("k-ok", "smalltalk", "menu", "好的 收到"),
        _d("k-tashi", "smalltalk", "menu", "扎西德勒"),
    ]


def _navigation() -> list[Dialogue]:
    """Leaving and going back from the steps."""
    return [
        _d("n-cancel-report", "navigation", "cancel", "我要举报", (ASKCAT, "算了 不要了")),
        _d("n-back-top", "navigation", "back", "返回"),
        _d("n-menu-mid", "navigation", "menu", "查进度", (TRACKQ, "主菜单")),
        _d("n-help", "navigation", "help", "帮助"),
        _d("n-exit-hardship", "navigation", "cancel", "俺家娃病了住院 花了好多钱", (HOFFER, "退出")),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions."""
    return [
        _d("q-dibao", "question", "answer", "低保咋申请"),
        _d("q-medical", "question", "answer", "大病医疗报销的比例是多少"),
        _d("q-grassland", "question", "answer", "草原生态补奖一亩多少钱"),
        _d("q-monitor", "question", "answer", "防返贫监测户是咋认定的"),
    ]


def blind_g() -> list[Dialogue]:
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
