"""Blind dialogue set A (issue #18 §1-§5): 80 conversations written from the issue's promises and
docs/chat.md alone, without opening the code that answers them (bot/, cases/, knowledge/, handlers/) or the
phrase pools of tests/dialogue_corpus.py, and without running the chat first.

The villagers are from 海东 (Han, Hui, Tu and Tibetan villagers writing Chinese): dialect (啥, 咋, 娃, 庄廓,
阿么, 尕), typos and same-sound voice-input errors, full-width digits, no or odd punctuation, long stories,
short fragments, emoji. A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`:
either), as a villager answers only what is asked; `{opt:词}` is the number the villager reads in front of
词 in that reply (see tests/dialogue_eval.py). Run by `python -m tests.dialogue_eval --part blind_a`.
"""

from __future__ import annotations

from tests.dialogue_corpus import Dialogue, Turn

# The cues a villager answers: what each step of a report would ask about.
CAT = "类|哪方面|哪种|哪一种"
WHAT = "经过|什么事|啥事|说说|讲讲|具体|内容|发生"
DONE = "好了|说完|补充|还有"
LEVEL = "干部"
PHOTO = "照片|证据|图片"
ANON = "匿名"
CONFIRM = "核对|确认|提交"
OFFER = "反映|举报"
WHOSE = "谁家"
KIND = "哪类|哪种|哪一类|类型|什么事|啥事|遇到"
WHEN = "什么时候|啥时候|时间|多久"
PEOPLE = "几口|几个人|多少人|人口"
HELP = "什么帮助|啥帮助|哪些帮助|什么帮扶|需要什么|帮什么|想要"
PHONE = "电话|手机"


def tail(
    done: str = "好了",
    level: str = "{opt:村干部}",
    photo: str = "没有",
    anon: str = "{opt:匿名}",
    confirm: str = "{opt:提交}",
) -> tuple[Turn, ...]:
    """The report's later steps, each answered in this villager's own words if it is asked."""
    return ((DONE, done), (LEVEL, level), (PHOTO, photo), (ANON, anon), (CONFIRM, confirm))


def hardship(
    whose: str,
    kind: str,
    when: str,
    people: str,
    help_: str,
    phone: str,
    confirm: str = "{opt:提交}",
) -> tuple[Turn, ...]:
    return (
        (WHOSE, whose),
        (KIND, kind),
        (WHEN, when),
        (PEOPLE, people),
        (HELP, help_),
        (PHONE, phone),
        (CONFIRM, confirm),
    )


def _d(name: str, intent: str, outcome: str, *turns: Turn) -> Dialogue:
    # Tuned part since its one blind run (59/80, 73.8%, 2026-12-06): the chat's fixes were made against it.
    return Dialogue(name=f"ba-{name}", intent=intent, outcome=outcome, turns=tuple(turns), held_out=False)


def _reports() -> list[Dialogue]:
    """Asking to report, in many wordings, then the report's steps."""
    return [
        _d(
            "ask-jubao",
            "report",
            "report;cat=挪用|截留;anon=1",
            "我要举报",
            (CAT, "{opt:挪用}"),
            (WHAT, "村会计把去年的到户产业资金扣下了三千 说是给村上办事用了"),
            *tail(),
        ),
        _d(
            "ask-fanying-shi",
            "report",
            "report;keep=草山",
            "有个事想反映一下",
            (CAT, "{opt:优亲厚友}"),
            (WHAT, "村上分草山承包的时候 好的都给了村长他们一家子 俺们几户啥都没分上"),
            *tail(done="就这些", photo="没拍", anon="不留名字"),
        ),
        _d(
            "ask-tousu-cadre",
            "report",
            "report;anon=1",
            "投诉村干部",
            (CAT, "{opt:吃拿卡要}"),
            (WHAT, "开个证明社长要两条烟 不给就拖着不开 好几家都这样"),
            *tail(done="说完了", level="{opt:村干部}", photo="没有照片", anon="{opt:匿名}", confirm="提交"),
        ),
        _d(
            "ask-gao-cunzhang",
            "report",
            "report",
            "俺要告村长！！",
            (CAT, "{opt:挪用}"),
            (WHAT, "村长把修水渠的钱拿去给自家盖房子了 渠到现在没修"),
            *tail(done="好了好了", photo="跳过", anon="匿名", confirm="确定"),
        ),
        _d(
            "ask-jiefa",
            "report",
            "report",
            "我想揭发个事情 不知道咋弄",
            (CAT, "{opt:优亲厚友}"),
            (WHAT, "评监测户的时候村上没开会 直接把名单报上去了 里头有书记的亲戚"),
            *tail(done="好了", photo="没有", anon="{optw:匿名}", confirm="{optw:提交}"),
        ),
        _d(
            "ask-jianju",
            "report",
            "report;anon=1",
            "我来检举",
            (CAT, "{opt:挪用}"),
            (WHAT, "扶贫车间的工资 村上说发了 实际一分没到工人手里"),
            *tail(done="ok", photo="没有证据", anon="{optc:匿名}", confirm="{optc:提交}"),
        ),
        _d(
            "ask-baoguang",
            "report",
            "report",
            "曝光一下我们村的书记",
            (CAT, "{opt:作风}"),
            (WHAT, "书记一个月来村上一两回 来了也是喝酒打牌 群众找不上人"),
            *tail(done="讲完了", photo="没", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-shuo-geshi",
            "report",
            "report",
            "我要说个事 你们管不管",
            (CAT, "{opt:挪用}"),
            (WHAT, "去年的危房改造 俺家批下来三万五 到手就两万 剩下的村文书说是给施工队了"),
            *tail(done="嗯 就这些", photo="没有", anon="{opt:匿名}", confirm="提交吧"),
        ),
        _d(
            "ask-jubao-homophone",
            "report",
            "report",
            "我要举包",
            (CAT, "{opt:挪用}"),
            (WHAT, "合作社分红的钱被理事长一个人拿走了 社员一分没见"),
            *tail(done="好了", photo="没有", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
        _d(
            "ask-fanying-typo",
            "report",
            "report",
            "反应问题",
            (CAT, "{opt:优亲厚友}"),
            (WHAT, "公益性岗位都让村干部家里人占了 俺们这些困难户一个都没有"),
            *tail(done="说完啦", photo="没照下", anon="{opt:匿名}", confirm="{opt:提交}"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story, offered as a report, accepted."""
    return [
        _d(
            "story-shezhang-dibao",
            "story",
            "report;cat=优亲厚友;keep=儿媳妇",
            "我们社长把他儿媳妇弄成低保户了 人家有车有楼房",
            (OFFER, "{opt:开始}"),
            *tail(),
        ),
        _d(
            "story-kuaiji-kou",
            "story",
            "report;cat=挪用|截留|克扣;keep=两千",
            "村会计把危房改造的钱扣了两千 说是手续费",
            (OFFER, "对 我要反映"),
            *tail(done="好了"),
        ),
        _d(
            "story-zhucun-bulai",
            "story",
            "report;keep=喝酒",
            "驻村的那个干部天天不来 来了就在村委会喝酒",
            (OFFER, "{opt:开始}"),
            *tail(level="{opt:村干部}", photo="没有", anon="匿名", confirm="提交"),
        ),
        _d(
            "story-lu-liele",
            "story",
            "report;keep=裂",
            "修路的老板偷工减料 路修好才三个月就裂了 村上也不管",
            (OFFER, "嗯 是的"),
            *tail(done="就这么个事", photo="没有", anon="{opt:匿名}"),
        ),
        _d(
            "story-caoshan-xiaojiuzi",
            "story",
            "report;keep=小舅子",
            "村主任把集体的草山包给他小舅子了一年才收几百块",
            (OFFER, "1"),
            *tail(photo="没拍照"),
        ),
        _d(
            "story-maoling",
            "story",
            "report;cat=冒领|挪用|截留;keep=签字",
            "养殖补贴俺家没领到 村上说领了 签字不是俺签的😡",
            (OFFER, "{opt:开始}"),
            *tail(done="好了", photo="没有", anon="不实名"),
        ),
        _d(
            "story-chinaka",
            "story",
            "report;keep=二百",
            "办个证村上要收二百块钱 不给就不办",
            (OFFER, "要反映"),
            *tail(confirm="确定提交"),
        ),
        _d(
            "story-guangfu-fenhong",
            "story",
            "report;cat=挪用|截留;keep=光伏",
            "光伏的分红村上一直没发，问了说钱拿去修村委会大门了。。。",
            (OFFER, "{opt:开始}"),
            *tail(),
        ),
        _d(
            "story-voice-yang",
            "story",
            "report;keep=羊",
            "就是那个我们村那个书记他把那个扶贫的羊分给他们家亲戚了我们家一只都没有这个事情有没有人管",
            (OFFER, "{opt:开始}"),
            *tail(done="没有了", photo="没有", anon="{opt:匿名}"),
        ),
        _d(
            "story-zhengdi-buchang",
            "story",
            "report;keep=补偿款",
            "阿么说呢 尕事情也不算 俺庄廓边上的地被村上征了 说是修广场 补偿款到现在一分都没给 "
            "问村长他说上面没拨 可乡上的人说早拨下来了",
            (OFFER, "{opt:开始}"),
            *tail(done="就这些了", photo="没有", anon="{opt:匿名}"),
        ),
    ]


def _people() -> list[Dialogue]:
    """Asking for a person, in many words."""
    return [
        _d("person-rengong", "person", "human", "人工", "俺家低保今年咋停了 村上也说不清楚"),
        _d("person-zhuanrengong", "person", "human", "转人工", "娃的雨露计划补助申请了半年了还没到账 想问问卡在哪了"),
        _d("person-zhao-ganbu", "person", "human", "我要找干部说话", "俺家的宅基地证办了两年还没下来"),
        _d("person-zhenren", "person", "human", "有真人没 机器人说的俺听不懂", "残疾证到期了咋换"),
        _d("person-kefu", "person", "human", "客服", "村上说的产业补助 俺们养了二十只羊能不能申请"),
        _d("person-after-question", "person", "human", "退耕还林的钱今年咋少了", "看不懂 找个人问问吧"),
        _d("person-zhaoren", "person", "human", "找人", "俺阿大八十了 高龄补贴一直没领上 咋回事"),
    ]


def _navigation() -> list[Dialogue]:
    """Menu words in every state."""
    return [
        _d("nav-back-categories", "navigation", "back", "我要反映问题", "返回"),
        _d(
            "nav-cancel-description",
            "navigation",
            "cancel",
            "我要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上的"),
            "算了 不要了",
        ),
        _d(
            "nav-restart-hardship",
            "navigation",
            "menu",
            "家里娃娃病了花了好多钱 日子难过得很",
            (OFFER + "|困难|登记", "{opt:登记}"),
            "重新开始",
        ),
        _d("nav-help", "navigation", "help", "帮助"),
        _d("nav-exit-tracking", "navigation", "cancel", "查进度", "不查了 退出"),
        _d("nav-home-projects", "navigation", "menu", "村里的项目", "首页"),
        _d(
            "nav-cancel-confirm",
            "navigation",
            "cancel",
            "我要投诉",
            (CAT, "{opt:挪用}"),
            (WHAT, "村文书把退耕还林的补助压着不发 已经两年了"),
            *tail(confirm="取消"),
        ),
        _d("nav-person-nevermind", "navigation", "cancel", "转人工", "算了"),
        _d(
            "nav-step-back",
            "navigation",
            "back",
            "举报",
            (CAT, "{opt:挪用}"),
            (WHAT, "社长把集体的树卖了 钱没入账"),
            (DONE, "好了"),
            (LEVEL, "{opt:村干部}"),
            (PHOTO, "上一步"),
        ),
    ]


def _choices() -> list[Dialogue]:
    """Choices as digits, full-width digits, Chinese numerals and the choice's own words."""
    return [
        _d("choice-wide-one", "choice", "answer", "菜单", "１", "低保咋申请"),
        _d(
            "choice-san",
            "choice",
            "report",
            "菜单",
            "三",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上把俺们的耕地地力补贴扣下了 说抵水费"),
            *tail(),
        ),
        _d("choice-disige", "choice", "case", "菜单", "第四个", "{n} {c}"),
        _d("choice-words-projects", "choice", "projects", "菜单", "项目公开"),
        _d("choice-hao-first", "choice", "detail", "主菜单", "2号", "第一个"),
        _d("choice-words-track", "choice", "case", "菜单", "查询进度", "{n}　{c}"),
        _d(
            "choice-numerals-report",
            "choice",
            "report;anon=1",
            "菜单",
            "{optc:反映}",
            (CAT, "{optc:挪用}"),
            (WHAT, "易地搬迁的补助被镇上扣了一部分 说是交房子的钱"),
            *tail(level="{opth:村干部}", photo="没有", anon="{optw:匿名}", confirm="{optc:提交}"),
        ),
    ]


def _small_talk() -> list[Dialogue]:
    return [
        _d("small-nihao", "smalltalk", "menu", "你好"),
        _d("small-zaima", "smalltalk", "menu", "在吗？？"),
        _d("small-xiexie", "smalltalk", "menu", "谢谢 辛苦了"),
        _d("small-emoji", "smalltalk", "menu", "👍👍"),
        _d("small-shoudao", "smalltalk", "menu", "好的 收到"),
        _d("small-laohan", "smalltalk", "menu", "师傅你好"),
    ]


def _refusals() -> list[Dialogue]:
    """Out of scope: cannot help, offers a person and a report in one line."""
    return [
        _d("refuse-weather", "refusal", "refusal", "明天下雨不 要割麦子了"),
        _d("refuse-phone-bill", "refusal", "refusal", "手机话费咋充"),
        _d("refuse-potato-price", "refusal", "refusal", "今年洋芋多少钱一斤"),
    ]


def _projects() -> list[Dialogue]:
    """The village's own money and projects: list, detail, paging, a question on a project."""
    project_report = (
        (CAT, "{opt:工程}"),
        (WHAT, "这个项目说是给俺们修的 到现在没见动工 钱不知道去哪了"),
        *tail(done="好了", photo="没有", anon="{opt:匿名}"),
    )
    return [
        _d("proj-road-money", "projects", "projects", "村里修路的钱去哪了"),
        _d("proj-which", "projects", "projects", "俺们村有些啥项目"),
        _d("proj-menu-detail", "projects", "detail", "菜单", "2", "1"),
        _d("proj-words-second", "projects", "detail", "项目公开", "第二个"),
        _d("proj-paging", "projects", "detail", "村上的钱都花哪了", "更多", "上一页", "3"),
        _d("proj-collective-income", "projects", "projects", "集体收入有多少 咋没人公布"),
        _d("proj-subsidy-amount", "projects", "projects", "村上的项目补助发了多少 俺想看看"),
        _d(
            "proj-question-report",
            "projects",
            "report;confirm=项目",
            "项目公开",
            "1",
            "对这个项目有疑问",
            *project_report,
        ),
        _d("proj-more-wide", "projects", "detail", "看看村里的项目", "更多", "２"),
        _d("proj-back", "projects", "back", "村里的项目", "返回"),
    ]


def _tracking() -> list[Dialogue]:
    """Case numbers and query codes as villagers type them."""
    return [
        _d("track-emdash", "track", "case", "查一下 {p1}—{p2}—{p3} 查询码{c}"),
        _d("track-wide-lines", "track", "case", "{p1f}－{p2f}－{p3f}\n{cf}"),
        _d("track-code-first", "track", "case", "码是{c} 编号{n}"),
        _d("track-two-messages", "track", "case", "查进度", "{n}", "{c}"),
        _d("track-no-dash", "track", "case", "{nd}，{c}。"),
        _d("track-extra-dash", "track", "case", "{p1}--{p2}-{p3}  {c}"),
        _d("track-implausible", "track", "notcase", "630223-2026-1 979283"),
        _d("track-wrong-code", "track", "notcase", "{n} 135790"),
    ]


def _hardship() -> list[Dialogue]:
    return [
        _d(
            "hard-leukemia",
            "hardship",
            "hardship;anon=0",
            "俺家娃得了白血病 花了二十多万 家里实在没办法了",
            (OFFER + "|困难|登记", "{opt:登记}"),
            *hardship("{opt:自己}", "{opt:大病}", "前年秋天查出来的", "五口人", "看病报销 还有娃上学", "13897651234"),
        ),
        _d(
            "hard-neighbour",
            "hardship",
            "hardship;anon=0",
            "隔壁马奶奶一个人过 房子漏雨 腿也不行了 想给她申请个帮扶",
            (OFFER + "|困难|登记", "{opt:登记}"),
            *hardship("{opt:别人}", "{opt:其他}", "今年开春以后", "就她一个", "修房子 有人照看", "13909725566"),
        ),
        _d(
            "hard-hail",
            "hardship",
            "hardship;anon=0",
            "今年冰雹把庄稼全打了 一年白干了 能给点帮助不",
            (OFFER + "|困难|登记", "1"),
            *hardship("我自己家", "{opt:灾}", "七月份", "4个", "给点救助 明年的种子钱", "１３６２９７２０４１８"),
        ),
        _d(
            "hard-accident",
            "hardship",
            "hardship;anon=0",
            "老汉出车祸了躺在医院 家里没收入了",
            (OFFER + "|困难|登记", "{opt:登记}"),
            *hardship("{opt:自己}", "{opt:事故} {opt:收入}", "上个月", "三口", "先把医药费报了", "18997201234"),
        ),
        _d(
            "hard-uncle",
            "hardship",
            "hardship;anon=0",
            "俺想给俺阿舅家申请一下 他家媳妇残疾 娃还上大学 日子紧得很",
            (OFFER + "|困难|登记", "{opt:登记}"),
            *hardship(
                "{opt:别人}",
                "{opt:残疾} {opt:上学}",
                "好几年了",
                "四口",
                "娃的学费 媳妇的护理",
                "阿舅的电话 13709728899",
            ),
        ),
        _d(
            "hard-wants-anonymous",
            "hardship",
            "hardship;anon=0",
            "我家有返贫风险 想申请监测户",
            (OFFER + "|困难|登记", "{opt:登记}"),
            (WHOSE, "{opt:自己}"),
            (KIND, "{opt:失业}"),
            (WHEN, "今年"),
            (PEOPLE, "六口"),
            (HELP, "找个活干"),
            (PHONE, "能不能不留电话 匿名行不"),
            (PHONE, "那就留吧 13519720088"),
            (CONFIRM, "{opt:提交}"),
        ),
    ]


def _edits() -> list[Dialogue]:
    """修改 keeps what was said, 跳过 is never content, a too-short description is asked again."""
    return [
        _d(
            "edit-add-description",
            "edit",
            "report;keep=水渠;keep=两万",
            "我要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上修水渠的钱有问题 渠修了一半就停了"),
            *tail(confirm="修改"),
            (CONFIRM + "|改", "{opt:经过}"),
            (WHAT + "|补充|追加", "听说预算是八万 实际花了不到两万"),
            (DONE, "好了"),
            (CONFIRM, "{opt:提交}"),
        ),
        _d(
            "edit-skip-not-stored",
            "edit",
            "report;drop=跳过;keep=公益岗",
            "举报",
            (CAT, "{opt:优亲厚友}"),
            (WHAT, "跳过"),
            (WHAT, "公益岗的名额被村文书给了他老婆 她根本不上班"),
            *tail(),
        ),
        _d(
            "edit-too-short",
            "edit",
            "report;keep=退耕",
            "我要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "1"),
            (WHAT + "|例如|比如|多说", "退耕还林的补助村上扣着不发 说等凑齐了一起发"),
            *tail(),
        ),
        _d(
            "edit-real-name",
            "edit",
            "report;anon=0;keep=羊圈",
            "有事要反映",
            (CAT, "{opt:挪用}"),
            (WHAT, "村上建羊圈的补助 俺家的被村长报成他侄子的名字领走了"),
            *tail(confirm="改一下"),
            (CONFIRM + "|改", "改成实名"),
            ("姓名|名字", "韩有福"),
            (PHONE, "13709721234"),
            (CONFIRM, "{opt:提交}"),
        ),
    ]


def blind_a() -> list[Dialogue]:
    """The 80 dialogues of blind set A."""
    return [
        *_reports(),
        *_stories(),
        *_people(),
        *_navigation(),
        *_choices(),
        *_small_talk(),
        *_refusals(),
        *_projects(),
        *_tracking(),
        *_hardship(),
        *_edits(),
    ]
