"""Blind dialogue set T (issue #18 §1-§5): 80 conversations written by helper "twrite" on 2026-12-07
(about 13:39-13:42 UTC, from `date -u`) from the issue, docs/chat.md (its first 264 lines) and the harness
(tests/dialogue_eval.py, tests/dialogue_corpus.py to its first 250 lines, tests/blind_support.py, lines 1-120
of tests/dialogue_blind_q.py for the format, and the earlier blind sets' docstrings, to choose other people;
README.md was not read) alone, without opening
the code that answers them (bot/, cases/, knowledge/, handlers/, villages/) or the other blind sets'
dialogues, and never run by its writer (only parsed, ruff and mypy).

The people are villagers of 海东 (青海) unlike those of the earlier sets: a bride married in from 门源 who does
not know the village cadres' titles (管事的那个, 村上的头头), a 民和 回族 imam's wife speaking for a neighbour
(隔壁的阿娘), a retired 乡村教师 who corrects the chat's wording (应为…, 错别字), a young man in a wheelchair, a
couple typing from one phone in turns (老汉说…, 我是他屋里的), a 村民小组长 reporting about the 村 above him,
a herder who sends only numbers and single words, a woman whose husband is a 村干部 and who is afraid, a truck
driver sending voice messages while driving (long run-ons, wrong homophones such as 举包, 书计, 地保, 查寻),
and a 大学生村官 who writes formally (您好，本人系…，特此咨询).
They write dialect (啥, 咋, 阿么, 娃, 俺, 莫, 些, 一哈, 尕, 哩, 麻达), typos and same-sound slips, full-width
digits, Chinese numerals and emoji, answer steps in their own words, change their mind, leave mid-way and ask
about safety. The expected outcomes are what such a villager would rightly expect from the issue, not guesses
at the code. A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a
villager answers only what is asked; a plain turn is sent whatever the last reply said; `{opt:词}` is the
number the villager reads in front of 词 in that reply.
Held for a later run: `python -m tests.dialogue_eval --part blind_t` once it is registered.
"""

from __future__ import annotations

from tests.blind_support import (
    ASKCAT,
    ASKQ,
    CHECK,
    HOFFER,
    HPHONE,
    HWHAT,
    LIST,
    MENUQ,
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
from tests.dialogue_corpus import Dialogue, Turn

_d = held_out("bt")
KEEP_OR_CUT = "删掉|认出"


def _rest(kept: str = "{opt:保留}", **answers: str) -> tuple[Turn, ...]:
    """A report's later steps (blind_support.rest), and, if the chat asks whether to cut the clauses that
    could tell who reported, this villager's answer before the check."""
    steps = rest(**answers)
    return (*steps[:-1], (KEEP_OR_CUT, kept), steps[-1])


def _menyuan_bride() -> list[Dialogue]:
    """A bride married in from 门源: does not know the cadres' titles, asks what things are called."""
    return [
        _d(
            "mb-report-guanshide",
            "report",
            "report;anon=1;keep=随礼",
            "俺是门源嫁过来的 不知道这里管事的叫啥",
            "我想反映一哈 村上管事的那个人",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "办结婚落户要俺家给他随礼两千 不给就不盖章"),
            *_rest(more="就这些", who="{opt:村干部}", pic="莫有照片"),
        ),
        _d(
            "mb-story-touttou",
            "story",
            "report;anon=1",
            "村上的头头把俺们新媳妇的户口拖着不办 说要请他吃饭",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="好了", who="{opt:不清楚}", pic="没有"),
        ),
        _d(
            "mb-smalltalk-xinlaide",
            "smalltalk",
            "menu",
            "你好呀 我是新来的媳妇😊",
        ),
        _d(
            "mb-person-zhaoren",
            "person",
            "human",
            "我不知道该找谁 能不能有个人跟我说",
            (ASKQ, "俺从门源嫁过来 医保要在这边重新交不"),
        ),
        _d(
            "mb-nav-bumingbai",
            "navigation",
            "cancel",
            "举报",
            (ASKCAT, "这些都是啥意思 我看不懂"),
            "算了 不整了",
        ),
        _d(
            "mb-hardship-nanren",
            "hardship",
            "hardship;anon=0",
            "我男人在工地上从架子上掉下来了 腰摔坏了 家里没钱看",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:意外}",
                when="上个月底",
                people="三口人 还有个尕娃",
                wanted="看病的钱 能报销一些就好",
                phone="１３８９７２１０４５６",
            ),
        ),
        _d(
            "mb-safety-niangjia",
            "safety",
            "report;anon=1",
            "我要反映个事",
            "我刚嫁过来 反映了村上会不会知道是我",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "组里评低保 都评的组长家亲戚 俺们隔壁瘫痪的老人没评上"),
            *_rest(more="说完了"),
        ),
    ]


def _imam_wife() -> list[Dialogue]:
    """A 民和 回族 imam's wife speaking for her neighbour (隔壁的阿娘)."""
    return [
        _d(
            "im-hardship-ana",
            "hardship",
            "hardship;anon=0",
            "色俩目 我替隔壁的阿娘问一哈",
            "她老汉去年无常了 她一个人腿也不好 娃娃在外头不管 日子过不下去了",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:残疾}",
                when="去年冬天",
                people="就她一个",
                wanted="临时救助 冬天的煤也没有",
                phone="她没手机 打我的 13709728831",
            ),
        ),
        _d(
            "im-person-ana",
            "person",
            "person",
            "我替邻居问 她不识字 能找个干部跟她说说不",
            (ASKQ, "她的养老金卡丢了 钱咋取"),
        ),
        _d(
            "im-report-linju",
            "report",
            "report;anon=1;keep=冒领",
            "替隔壁阿娘反映个事",
            (ASKCAT, "{opt:扶贫}"),
            (TELL, "她的高龄补贴三年没到她手里 听说是村上文书冒领了"),
            *_rest(more="就这么个情况", who="{opt:村干部}", pic="没有"),
        ),
        _d(
            "im-question-yiliao",
            "question",
            "answer",
            "大病医疗咋报销 邻居阿娘住院花了好些",
        ),
        _d(
            "im-smalltalk-salam",
            "smalltalk",
            "menu",
            "色俩目 你们好着没🙏",
        ),
        _d(
            "im-story-zhuanggong",
            "story",
            "report;keep=邻居",
            "我们村长把邻居家的危房改造钱扣下了一半 说是给他跑腿的费用",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="好了", pic="跳过"),
        ),
        _d(
            "im-safety-tidiren",
            "safety",
            "hardship;anon=0",
            "我替别人登记困难 电话留我的 谁能看到我的电话",
            "邻居家男人得了尿毒症 要透析 家里四口人",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:大病}",
                when="今年五月",
                people="4",
                wanted="透析报销",
                phone="13519723380",
            ),
        ),
    ]


def _teacher() -> list[Dialogue]:
    """A retired 乡村教师 who corrects the chat's wording, then does what he came for."""
    return [
        _d(
            "tc-question-jiaozheng",
            "question",
            "answer",
            "您好。请问退休教师的孙子上大学，有没有助学的补助？",
        ),
        _d(
            "tc-report-cuobiezi",
            "report",
            "report;anon=0",
            "我要反映问题。",
            (ASKCAT, "{opt:项目}"),
            (TELL, "村小操场的硬化工程，去年验收，今年已多处开裂，施工方偷工减料。"),
            (MORE, "另：你们的提示里“反应”二字应为“反映”，请改正。就这些。"),
            (WHO, "{opt:不清楚}"),
            (PIC, "无照片"),
            (NAMEQ, "{opt:实名}"),
            ("姓名|名字|称呼", "赵文清 13897201234"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "tc-nav-fanhui",
            "navigation",
            "back",
            "3",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "返回"),
        ),
        _d(
            "tc-projects-zhangmu",
            "projects",
            "projects",
            "请问本村集体经济收入及各项目资金使用情况，在何处公开？",
        ),
        _d(
            "tc-track-chinese",
            "track",
            "case",
            "查询进度",
            (TRACKQ, "编号：{n}。查询码：{c}。"),
        ),
        _d(
            "tc-smalltalk-xinku",
            "smalltalk",
            "menu",
            "辛苦了，同志们。",
        ),
        _d(
            "tc-story-fenhong",
            "story",
            "report;keep=分红",
            "本村光伏电站三年分红从未公示，据我所知由村支部书记个人掌握，去向不明。",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="完毕", who="{opt:村干部}", pic="没有"),
        ),
    ]


def _wheelchair() -> list[Dialogue]:
    """A young man in a wheelchair: short sentences, asks what he can get, reports a cut benefit."""
    return [
        _d(
            "wc-hardship-self",
            "hardship",
            "hardship;anon=0",
            "我坐轮椅 前年车祸腿没了知觉 出不了门打工 家里就靠我妈种地",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:残疾}",
                when="前年",
                people="两口 我和我妈",
                wanted="想找个能在家干的活 还有残疾补贴",
                phone="13997305522",
            ),
        ),
        _d(
            "wc-question-canjizheng",
            "question",
            "answer",
            "残疾人两项补贴咋申请 我有二级证",
        ),
        _d(
            "wc-report-buitie",
            "report",
            "report;anon=1;keep=护理补贴",
            "投诉 我的重度残疾护理补贴被村上停了 没人跟我说为啥",
            (OFFER, "{opt:开始反映}"),
            (ASKCAT, "{opt:评定不公}"),
            *_rest(more="就这", who="{opt:村干部}", pic="没拍"),
        ),
        _d(
            "wc-person-shangmen",
            "person",
            "human",
            "我出不了门 能不能让干部给我打个电话",
            (ASKQ, "轮椅坏了 残联能不能换一个"),
        ),
        _d(
            "wc-projects-wuzhangai",
            "projects",
            "detail",
            "村里修路的钱花了多少 路修好了我轮椅能出门不",
            (LIST, "{opt:道路}"),
        ),
        _d(
            "wc-choice-fullwidth",
            "choice",
            "projects",
            "２",
        ),
        _d(
            "wc-nav-tuichu",
            "navigation",
            "menu",
            "人工",
            "菜单",
        ),
    ]


def _couple() -> list[Dialogue]:
    """A couple typing from one phone in turns (老汉说…, 我是他屋里的…)."""
    return [
        _d(
            "cp-hardship-turns",
            "hardship",
            "hardship;anon=0",
            "我是他屋里的 老汉说让我打字 家里遭了冰雹 洋芋全打坏了",
            (HOFFER, "{opt:登记}"),
            (WHOSE, "{opt:自己家}"),
            ("哪类|哪种|哪一类|类型|遇到的是", "{opt:自然灾害}"),
            ("什么时候|啥时候|多久|哪一年|时间", "老汉说是七月十几号 我记得是七月二十 就写七月吧"),
            ("几口|几个人|多少人|人口", "５口"),
            ("什么帮助|啥帮助|哪些帮助|什么帮扶|需要什么|帮什么|希望", "老汉说要种子 我说要救助款 都要"),
            (HPHONE, "老汉的 13895612470"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "cp-report-mindchange",
            "report",
            "report;anon=1",
            "老汉要举报村长",
            (ASKCAT, "我是他媳妇 他说错了 是组长不是村长 选第二个吧 不对 选评定不公"),
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "组长把草原补奖的户数多报了两户 都是他亲戚 早就不在村里住了"),
            *_rest(more="老汉说没了", who="{opt:村干部}", pic="没有"),
        ),
        _d(
            "cp-story-cancel",
            "story",
            "cancel",
            "村会计把俺家的种粮补贴扣了三百",
            (OFFER, "{opt:不用了}"),
        ),
        _d(
            "cp-smalltalk-xiexie",
            "smalltalk",
            "menu",
            "老汉说谢谢你们 我也谢谢🙏🙏",
        ),
        _d(
            "cp-safety-baofu",
            "safety",
            "report;anon=1",
            "3",
            (ASKCAT, "我媳妇问 反映了会不会被报复 村上人都认得俺们"),
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "盖房子批宅基地 村主任要了一条烟两瓶酒 还要五百块"),
            *_rest(more="好了", pic="跳过"),
        ),
    ]


def _group_leader() -> list[Dialogue]:
    """A 村民小组长 reporting about the 村 above him (村两委, 村支书), knows the words."""
    return [
        _d(
            "zz-report-village",
            "report",
            "report;anon=1;keep=组里",
            "我是三社的组长 要反映村上的事",
            (ASKCAT, "{opt:扶贫}"),
            (TELL, "村上把组里的衔接资金养殖项目 给了支书的合作社 组里一户都没分上"),
            *_rest(more="先这些", who="{opt:村干部}", pic="没有照片 有会议记录没拍"),
        ),
        _d(
            "zz-story-shuiqu",
            "story",
            "report;keep=水渠",
            "村两委修水渠的时候 让我们组出工 说给工钱 到现在一分没给",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="没了", who="{opt:村干部}"),
        ),
        _d(
            "zz-projects-jiti",
            "projects",
            "projects",
            "村上的集体收入咋用的 我当组长的都不知道",
        ),
        _d(
            "zz-person-xiangshang",
            "person",
            "human",
            "我要找乡上的干部 不找村上的",
            (ASKQ, "组里公益岗的人选村上说了算 还是乡上定"),
        ),
        _d(
            "zz-choice-word",
            "choice",
            "projects",
            "项目公开",
        ),
        _d(
            "zz-track-oneline",
            "track",
            "case",
            "{ns}，{c}",
        ),
        _d(
            "zz-hardship-zuyuan",
            "hardship",
            "hardship;anon=0",
            "我是组长 替组里一户登记困难 他家着火了 房子烧了一半",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:意外}",
                when="前天晚上",
                people="六口",
                wanted="先找个住的地方 临时救助",
                phone="组长的电话 13709720091",
            ),
        ),
    ]


def _herder() -> list[Dialogue]:
    """A herder who sends only numbers and single words."""
    return [
        _d(
            "hd-choice-three",
            "choice",
            "report",
            "3",
            (ASKCAT, "1"),
            (TELL, "草原补奖 少了 组长 扣了"),
            *_rest(more="完", who="1", pic="没", name="2", check="1"),
        ),
        _d("hd-choice-four", "choice", "back", "四", (TRACKQ, "返回")),
        _d("hd-projects-er", "projects", "projects", "项目"),
        _d("hd-smalltalk-thumb", "smalltalk", "menu", "👍"),
        _d("hd-nav-caidan", "navigation", "menu", "1", "菜单"),
        _d(
            "hd-hardship-words",
            "hardship",
            "hardship",
            "羊 死了 雪灾 困难",
            (HOFFER, "1"),
            *help_asked(
                whose="1",
                kind="{opt:灾害}",
                when="上月",
                people="4",
                wanted="饲草",
                phone="13897345012",
                check="1",
            ),
        ),
        _d("hd-person-word", "person", "human", "人工", (ASKQ, "草原补奖 啥时候 发")),
    ]


def _cadre_wife() -> list[Dialogue]:
    """A woman whose husband is a 村干部, afraid of him and of the village finding out."""
    return [
        _d(
            "cw-safety-laogong",
            "safety",
            "report;anon=1;drop=我男人",
            "我想问一哈 反映了能不能谁都不知道是我 我男人是村上的干部 他要知道了麻达大",
            "那我反映",
            (ASKCAT, "{opt:评定不公}"),
            (TELL, "村里评低保 他们几个干部商量好了都给自家亲戚 真正困难的没评上"),
            *_rest(more="不敢多说了 就这些", kept="{opt:删掉}"),
        ),
        _d(
            "cw-safety-shuikan",
            "safety",
            "report;anon=1",
            "谁能看到我反映的东西 村上能看到不",
            "那我反映",
            (ASKCAT, "{opt:扶贫}"),
            (TELL, "村上的产业扶持资金 买的牛一头也没见 账上写着买了二十头"),
            *_rest(more="好了"),
        ),
        _d(
            "cw-nav-leave",
            "navigation",
            "cancel",
            "我要反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "算了 不要了 我怕"),
        ),
        _d(
            "cw-story-partial",
            "story",
            "report;anon=1;keep=工钱",
            "村上的干部把修路民工的工钱扣了 说是交了管理费 其实装了自己腰包",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="就这么些", who="{opt:村干部}", pic="莫有"),
        ),
        _d(
            "cw-person-scared",
            "person",
            "human",
            "能不能找个县上的人 不要村上的",
            (ASKQ, "我想问问家里人当干部的 家属能不能吃低保"),
        ),
        _d(
            "cw-smalltalk-zaima",
            "smalltalk",
            "menu",
            "在吗。。",
        ),
    ]


def _truck_driver() -> list[Dialogue]:
    """A truck driver sending voice messages while driving: long run-ons, wrong homophones."""
    return [
        _d(
            "td-report-juba",
            "report",
            "report;anon=1",
            "喂喂那个我要举包一下我们村的书计他把那个退耕还林的钱啊给我们少发了好几年了我跑车哩没时间回去",
            (OFFER, "{opt:开始反映}"),
            (ASKCAT, "{opt:扶贫}"),
            *_rest(more="对就这么个事好了好了", who="{opt:村干部}", pic="没有我在开车哩"),
        ),
        _d(
            "td-track-chaxun",
            "track",
            "case",
            "我要查寻一下上回反应的那个事编号是{ns}查寻码{c}",
        ),
        _d(
            "td-track-wrong",
            "track",
            "notcase",
            "查询进度",
            (TRACKQ, "编号630223-2026-1 979283"),
        ),
        _d(
            "td-story-dibao",
            "story",
            "report;keep=地保",
            "我们村长把地保给了他小姨子家人家开的是小车住的是楼房我们这些跑车的反而没评上你说气人不气人",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="就这好了", who="{opt:村干部}", pic="跳过"),
        ),
        _d(
            "td-hardship-chehuo",
            "hardship",
            "hardship;anon=0",
            "我跑长途哩上礼拜翻车了人没啥大事车报废了贷款还有二十万家里老人娃娃都靠我这下咋整",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:意外}",
                when="上礼拜",
                people="老人两个娃两个加我们两口子六个",
                wanted="贷款能不能缓一缓再有个活干",
                phone="138 9720 5561",
            ),
        ),
        _d(
            "td-person-voice",
            "person",
            "human",
            "那个转人工转人工我开车哩打字不方便",
            (ASKQ, "我的养老保险在外地交的能不能转回来"),
        ),
        _d(
            "td-nav-chongxin",
            "navigation",
            "menu",
            "反映问题",
            (ASKCAT, "不对不对重新开始"),
        ),
        _d(
            "td-projects-qiao",
            "projects",
            "projects",
            "村口那个桥花了多少钱村里公开了没有我跑车天天过哩",
        ),
    ]


def _village_official() -> list[Dialogue]:
    """A 大学生村官 who writes formally, full sentences and punctuation."""
    return [
        _d(
            "dx-question-formal",
            "question",
            "answer",
            "您好，本人系本村大学生村官，特此咨询：防返贫监测对象的认定标准是什么？",
        ),
        _d(
            "dx-hardship-forothers",
            "hardship",
            "hardship;anon=0",
            "您好，本人代村内一户老年家庭登记困难：户主七十八岁，老伴患脑梗后偏瘫，无子女照料，收入仅靠养老金。",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:别人家}",
                kind="{opt:大病}",
                when="今年三月",
                people="2人",
                wanted="申请临时救助及护理补贴。",
                phone="联系人：本人，电话13800971234。",
            ),
        ),
        _d(
            "dx-projects-detail",
            "projects",
            "detail",
            "请问如何查看本村项目资金明细？",
            (LIST, "{opt:道路}"),
        ),
        _d(
            "dx-projects-paging",
            "projects",
            "projects",
            "2",
            (LIST, "更多"),
            "上一页",
        ),
        _d(
            "dx-report-project",
            "projects",
            "report;keep=裂",
            "项目公开",
            (LIST, "{opt:道路}"),
            "对该项目有疑问：路面多处开裂，资金使用情况不清。",
            *_rest(more="以上。", who="{opt:不清楚}", pic="跳过"),
        ),
        _d(
            "dx-nav-help",
            "navigation",
            "help",
            "帮助",
        ),
        _d(
            "dx-track-fullwidth",
            "track",
            "case",
            "您好，案件编号：{nf}；查询码：{cf}。请帮忙查询办理进度。",
        ),
        _d(
            "dx-report-formal",
            "report",
            "report;anon=0",
            "本人要求实名反映问题。",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "乡镇某工作人员在办理低保审核时向申请人索要好处费，每户三百元至五百元不等。"),
            (MORE, "以上情况属实。"),
            (WHO, "{opt:乡镇干部}"),
            (PIC, "暂无"),
            (NAMEQ, "{opt:实名}"),
            ("姓名|名字|称呼", "李明远，13997120045"),
            (CHECK, "{opt:提交}"),
        ),
    ]


def _mixed() -> list[Dialogue]:
    """More of the same people on the paths the counts still need."""
    return [
        _d(
            "mb-choice-diyige",
            "choice",
            "answer",
            "第一个",
            (MENUQ, "媳妇生娃了 有啥补助没"),
        ),
        _d(
            "tc-choice-yaoxiugai",
            "choice",
            "report;keep=办公桌;keep=去年也挪过",
            "我要反映",
            (ASKCAT, "{opth:评定不公}"),
            (TELL, "五保户的供养金被村文书挪去给村委会买了办公桌"),
            (MORE, "好了"),
            (WHO, "{optw:村干部}"),
            (PIC, "跳过"),
            (NAMEQ, "{optc:匿名}"),
            (CHECK, "{opt:修改}"),
            ("事情经过|经过", "{opt:经过}"),
            ("补充|加上|重写|追加", "另外去年也挪过一次"),
            ("说完|“好了”", "好了"),
            (CHECK, "{opt:提交}"),
        ),
        _d(
            "im-report-tuiyong",
            "report",
            "report;anon=1;drop=跳过",
            "我想揭发村上的事",
            (ASKCAT, "{opt:扶贫}"),
            (TELL, "跳过"),
            (TELL, "易地搬迁的房子 村主任给他儿子留了一套 他儿子在西宁有房"),
            *_rest(more="好的 就这些"),
        ),
        _d(
            "wc-report-short",
            "report",
            "report;anon=1;keep=公益岗",
            "检举",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "钱"),
            ("例如|比如|多说|详细|具体", "村会计说给我安排公益岗 要我先交一千块 我交了到现在没安排"),
            *_rest(more="好了"),
        ),
        _d(
            "zz-report-chinesenum",
            "report",
            "report;anon=1",
            "我们组有情况要跟纪委说",
            (ASKCAT, "{optc:扶贫}"),
            (TELL, "村上领的危房改造补助 组里三户的钱只到了一半"),
            *_rest(more="说完了"),
        ),
        _d(
            "cw-hardship-switch",
            "hardship",
            "hardship",
            "反映问题",
            (ASKCAT, "{opt:困难}"),
            (WHOSE, "{opt:自己家}"),
            (HWHAT, "娃得了肾病 每个月都要透析 俺男人的工资不够"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:大病}",
                when="今年",
                people="4口",
                wanted="看病报销",
                phone="13519700042",
            ),
        ),
        _d(
            "dx-safety-hardship",
            "safety",
            "hardship;anon=0",
            "请问：登记困难帮扶时留的电话，哪些人能看到？能否匿名登记？",
            "本人家中母亲确诊癌症，正在化疗，费用难以承担。",
            (HOFFER, "{opt:登记}"),
            *help_asked(
                whose="{opt:自己家}",
                kind="{opt:大病}",
                when="今年八月",
                people="3人",
                wanted="医疗救助",
                phone="13997100317",
            ),
        ),
        _d(
            "tc-story-zhengming",
            "story",
            "report;anon=1",
            "村主任开个证明收二百元，美其名曰“工本费”，此风不可长。",
            (OFFER, "{opt:开始反映}"),
            *_rest(more="完", who="{opt:村干部}", pic="无"),
        ),
        _d(
            "im-track-twolines",
            "track",
            "case",
            "帮邻居查一哈她反映的事 进度咋样了",
            (TRACKQ, "{c}\n{n}"),
        ),
        _d(
            "cp-nav-tuichu",
            "navigation",
            "cancel",
            "4",
            (TRACKQ, "老汉说不查了 退出"),
        ),
        _d(
            "hd-report-gao",
            "report",
            "report;anon=1",
            "告",
            (ASKCAT, "２"),
            (TELL, "社长 羊补贴 自己 拿了"),
            *_rest(more="完", pic="没", name="２"),
        ),
    ]


def blind_t() -> list[Dialogue]:
    """The 80 dialogues of blind set T, all held out."""
    return [
        *_menyuan_bride(),
        *_imam_wife(),
        *_teacher(),
        *_wheelchair(),
        *_couple(),
        *_group_leader(),
        *_herder(),
        *_cadre_wife(),
        *_truck_driver(),
        *_village_official(),
        *_mixed(),
    ]
