"""Blind dialogue set M (issue #18 §1-§5): 80 conversations written by helper "mwrite" on 2026-12-07
(about 05:57-06:01 UTC) from the issue (`issues show 18`), README.md, docs/chat.md and the harness
(tests/dialogue_eval.py, tests/dialogue_corpus.py, tests/blind_support.py, the first 60 lines of
tests/dialogue_blind_l.py for the format) alone, without opening the code that answers them (bot/, cases/,
knowledge/, handlers/, villages/) or the other blind sets' phrasings, and never run by its writer.

The people are villagers of 海东 (青海) unlike those of the earlier sets: a 撒拉族 woman from 循化 who puts
her words in her own order (verb last, 有哩/是哩), a retired village teacher who writes 繁體 characters now
and then and signs with his name, a truck driver sending voice-to-text while driving (no punctuation, same-sound
slips such as 反应, 书计, 查寻码), a teenager who writes internet slang (家人们, 绝了, 离谱, yyds, 咋整啊),
a 村医 who knows the households of the village, a man who writes only one or two words a message, a
daughter-in-law reporting for her 公公, a 五保 old man, a woman who writes everything in one long message with
three questions in it, and a 土族 farmer from 互助 (阿么, 尕, 些, 一哈, 麻达). They write dialect, typos,
full-width digits, Chinese numerals and emoji, answer steps in their own words (sometimes more or less than
asked), change their mind, leave mid-way and ask whether the cadre will know it was them.
The expected outcomes are what such a villager would rightly expect from the issue, not guesses at the code.
A turn given as (cue, text) is sent only when the last reply holds the cue (`a|b`: either), as a villager
answers only what is asked; `{opt:词}` is the number the villager reads in front of 词 in that reply.
Run by `python -m tests.dialogue_eval --part blind_m`.
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
from tests.dialogue_corpus import Dialogue, Turn

_d = held_out("bm")
# The category asked outright; a kept story's line also names its 类别, which must not be answered as a pick.
CATQ = "哪一类|哪类|哪方面|哪种问题"


def _help_what(what: str, whose: str, *later: str) -> tuple[Turn, ...]:
    """The hardship script's steps, with what happened told if it is asked after whose household."""
    steps = help_asked(whose, *later)
    return (steps[0], (HWHAT, what), *steps[1:])


def _asks() -> list[Dialogue]:
    """Report by asking first (in many wordings and orders), then answering each step."""
    return [
        _d(
            "salar-ask-order",
            "report",
            "report;anon=1;keep=一卡通",
            "村上的事 反映一哈 俺 要哩",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "俺家的一卡通 会计手里拿着哩 钱取的是他 俺们一回也没见过"),
            *rest(more="这些是哩 完了", who="村上的", pic="照片没有哩", name="匿名要哩", check="交上去"),
        ),
        _d(
            "driver-ask-story-run-on",
            "report",
            "report;anon=1;keep=草原",
            "我要反应个问题我们村的会计把草原补奖的钱每家扣了二百多说是交啥管理费我开车哩你们给我记一下",
            (OFFER, "对 开始反映"),
            (CATQ, "{opt:扶贫资金}"),
            *rest(more="就这么个事没别的了", who="村干部", pic="没拍", name="匿名", check="提交"),
        ),
        _d(
            "teen-ask-slang",
            "report",
            "report;anon=1;keep=公益岗",
            "家人们谁懂啊 我要举报 咋整啊",
            (ASKCAT, "优亲厚友那个"),
            (TELL, "村里公益岗全是支书家亲戚 一天班不上工资照拿 绝了 离谱"),
            *rest(more="就这 没了", who="村干部", pic="木有", name="匿名匿名", check="提交吧"),
        ),
        _d(
            "oneword-fragments",
            "report",
            "report;anon=1;keep=低保",
            "举报",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "社长"),
            (EXAMPLE, "要钱"),
            (EXAMPLE + "|" + MORE, "评低保 要五百"),
            *rest(more="完了", who="社长", pic="没", name="匿名", check="1"),
        ),
        _d(
            "teacher-real-name",
            "report",
            "report;anon=0;keep=集體",
            "我要檢舉村主任",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村主任把集體的荒地私自租給外村老闆 租金八年沒有入賬 村民大會從未開過"),
            *rest(
                more="以上屬實 說完了",
                who="村干部",
                pic="暫時沒有照片",
                name="實名",
                give="李文華 13997012345",
                check="确认提交",
            ),
        ),
        _d(
            "doctor-town-fee",
            "report",
            "report;anon=1;keep=培训费",
            "我是村医 有个事想跟上面反映反映",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "乡卫生院让我们每个村医交五百块培训费 交了一年了 一次培训都没办过 收据也不给"),
            *rest(more="没有要补充的了", who="{opt:乡镇}", pic="收据他们不给 没有", name="{opt:匿名}", check="1"),
        ),
        _d(
            "daughter-in-law-for-father",
            "report",
            "report;anon=1;keep=高龄补贴",
            "我替俺公公投诉个事",
            (ASKCAT, "{opt:没落实}"),
            (TELL, "俺公公今年八十三了 高龄补贴三年一分没见着 文书说早就发了 卡上根本没有"),
            *rest(more="公公说就这些", who="村干部", pic="存折可以拍 现在没拍", name="不留名", check="提交"),
        ),
        _d(
            "long-woman-three-questions",
            "report",
            "report;anon=1;keep=化肥",
            "你好 我是三社的 掌柜的在外头打工 家里就我一个 有个事憋了好久了 想给你们反映一下 "
            "第一个是咋反映 第二个是要不要写名字 第三个是村上会不会知道是我说的",
            ("听起来|开始反映|「反映」|“反映”", "那我要反映"),
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "上面发下来的化肥 社长说一袋要交三十块钱才给 别的社都是白给的"),
            *rest(more="就是这个事 说完了", who="村干部", pic="没有", name="不写名字", check="好 提交"),
        ),
        _d(
            "tu-farmer-changes-mind",
            "report",
            "report;anon=1;keep=两百",
            "阿么反映哩 我要告个状",
            (ASKCAT, "第二个"),
            ("类别|重选|返回", "不对不对 选错了 返回"),
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "社长给俺们办尕娃的出生证明 要了两百块钱"),
            (MORE, "还有 隔壁家办宅基地证他也要了五百"),
            (MORE, "再没了"),
            (WHO, "社长么 村上的"),
            (PIC, "莫有"),
            (NAMEQ, "{opt:实名}"),
            (NAMEGIVE, "算了 名字不留了 还是匿名吧"),
            (NAMEQ, "匿名"),
            (CHECK, "提交"),
        ),
        _d(
            "wubao-ask-after-greeting",
            "report",
            "report;anon=1;keep=面",
            "娃们好 俺是五保户 老汉我有个事要说一哈",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "过年村上给五保户发的面和油 社长拉到他家去了一半 俺就领了一袋面"),
            *rest(more="老汉说完了", who="村干部", pic="没照相的手机", name="匿名", check="提交"),
        ),
    ]


def _stories() -> list[Dialogue]:
    """Misconduct told as a story: offered as a report keeping the words."""
    return [
        _d(
            "tu-pasture-rent",
            "story",
            "report;anon=1;keep=草山",
            "社长把俺们社的集体草山租给外地老板了 租了三年 租金一分也没分给俺们",
            (OFFER, "对着哩 反映"),
            *rest(more="就这些", who="村干部", pic="没有", name="匿名", check="提交"),
        ),
        _d(
            "driver-housing-voice",
            "story",
            "report;anon=1;keep=危房",
            "我跟你说一下我们村书计把危房改造的名额给了他表弟他表弟在县城有楼房我们家房子裂缝那么大也没给评上",
            (OFFER, "是的要反应"),
            *rest(more="说完了", who="村干部", pic="房子的照片回去再拍", name="匿名", check="提交"),
        ),
        _d(
            "salar-card-kept",
            "story",
            "report;anon=1;keep=存折",
            "俺阿娘的存折 文书拿去了 两年了 还给的没有 钱少掉的有",
            (OFFER, "嗯 反映要哩"),
            *rest(more="完了", who="村干部", pic="没有哩", name="匿名", check="交"),
        ),
        _d(
            "teen-square-lights",
            "story",
            "report;anon=1;cat=项目;keep=路灯",
            "笑死 村里新修的文化广场 路灯装了一个月就全坏了 听说花了三十多万 离谱😅",
            (OFFER, "嗯嗯 要反映"),
            *rest(more="没了", who="{opt:不清楚}", pic="没拍", name="匿名", check="提交"),
        ),
        _d(
            "wubao-pension-cut",
            "story",
            "report;anon=1;keep=五保金",
            "俺是五保户 社长每个月把俺的五保金扣一百 说是给俺买面 面一回也没见过",
            (OFFER + "|" + HOFFER, "反映 告他"),
            *rest(more="就这么个", who="村干部", pic="没有", name="匿名", check="提交"),
        ),
        _d(
            "oneword-bridge",
            "story",
            "report;anon=1;keep=修桥",
            "书记贪了修桥的钱",
            (OFFER, "嗯"),
            *rest(more="好", who="村上", pic="无", name="匿名", check="交"),
        ),
        _d(
            "teacher-dibao-traditional",
            "story",
            "report;anon=1;cat=评定不公|优亲厚友;keep=親戚",
            "村幹部把低保名額給了自己的親戚 真正困難的人家沒有評上 此事村民意見很大",
            (OFFER, "是 請開始反映"),
            *rest(more="以上 完畢", who="村干部", pic="沒有", name="匿名", check="確認提交"),
        ),
    ]


def _persons() -> list[Dialogue]:
    """Asking for a person in new words, the question in the same or the next message."""
    return [
        _d(
            "teen-real-person",
            "person",
            "person",
            "能不能摇个真人出来 机器人太笨了",
            (ASKQ, "我想问问大学生当兵 家里有啥补助"),
        ),
        _d(
            "driver-voice-person",
            "person",
            "human",
            "帮我转个人工我开车哩不方便打字我就问一下我家的低保为啥这个月停了",
            (ASKQ, "我家低保这个月停了为啥"),
        ),
        _d("oneword-person", "person", "person", "找人", (ASKQ, "承包地确权 面积错了")),
        _d(
            "teacher-staff",
            "person",
            "person",
            "請轉工作人員",
            (ASKQ, "退休的民辦老師 養老補助在哪裡申請"),
        ),
        _d(
            "doctor-responsible",
            "person",
            "person",
            "有没有负责的同志 我想直接问问",
            (ASKQ, "村卫生室的基本药物补助今年咋还没拨下来"),
        ),
        _d(
            "daughter-town-cadre",
            "person",
            "human",
            "我想跟乡上管民政的干部说 俺公公的残疾证过期了 咋换",
        ),
        _d(
            "salar-person-order",
            "person",
            "person",
            "人 有没有 说话的 跟我",
            (ASKQ, "俺的娃 户口 迁 回来 咋办哩"),
        ),
    ]


def _navigation() -> list[Dialogue]:
    """Menu, back and leaving words in every state."""
    return [
        _d("tu-leave-category", "navigation", "cancel", "我要反映个事", (ASKCAT, "不弄了 俺再想一哈")),
        _d("driver-back-tracking", "navigation", "back", "查一下进度", (TRACKQ, "返回上一步")),
        _d("teen-leave-list", "navigation", "menu", "村里的项目", (LIST, "回首页吧")),
        _d("salar-not-person", "navigation", "cancel", "转人工", (ASKQ, "算了 不问了 以后再说")),
        _d(
            "doctor-back-hardship",
            "navigation",
            "back",
            "我们村有户人家 男人得了肝癌 两个娃还在念书 家里实在撑不住了",
            (HOFFER, "登记"),
            (WHOSE, "别人家的"),
            (HKIND, "上一步"),
        ),
        _d(
            "oneword-help",
            "navigation",
            "help",
            "投诉",
            (ASKCAT, "帮助"),
        ),
        _d(
            "wubao-restart",
            "navigation",
            "back",
            "我要举报",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "社长收了俺们每户五十块钱 说是修水管 水管到现在没修"),
            (MORE, "重新开始"),
        ),
        _d("teacher-leave-answer", "navigation", "menu", "醫保一年交多少錢", "好的 回到主菜單"),
    ]


def _choices() -> list[Dialogue]:
    """Menu and list choices as digits, full-width digits, Chinese numerals, 第N个, N号 and the option's words."""
    return [
        _d("driver-fullwidth-projects", "choice", "projects", "菜单", "２"),
        _d(
            "teen-chinese-numeral-report",
            "choice",
            "report;anon=1;keep=营养餐",
            "主菜单",
            "三",
            (ASKCAT, "{optc:吃拿卡要}"),
            (TELL, "学校的营养餐 鸡蛋说是天天有 其实一星期才一个 村上管这个的人拿了回扣"),
            *rest(more="说完了家人们", who="{optc:村干部}", pic="没有", name="{optw:匿名}", check="{optw:提交}"),
        ),
        _d("salar-fourth-track", "choice", "case", "菜单", "第四个", (TRACKQ, "{n} {c}")),
        _d("tu-words-projects", "choice", "projects", "首页", "项目公开"),
        _d("tu-one-hao-question", "choice", "answer", "菜单", "1号", "种地的补贴一亩给多少"),
        _d(
            "doctor-list-pick",
            "choice",
            "detail",
            "看看咱村的项目",
            (LIST, "第二个"),
        ),
    ]


def _small() -> list[Dialogue]:
    """Small talk in kind: a short answer and the menu."""
    return [
        _d("teacher-thanks", "smalltalk", "menu", "謝謝你們 辛苦了"),
        _d("teen-anyone", "smalltalk", "menu", "家人们在吗 这个号yyds👍"),
        _d("driver-got-it", "smalltalk", "menu", "好的收到收到"),
        _d("wubao-greeting", "smalltalk", "menu", "娃们 你们都好着没"),
        _d("oneword-ok", "smalltalk", "menu", "晓得了"),
        _d("tu-thanks-after-answer", "smalltalk", "menu", "低保咋申请哩", "明白了 谢了👍"),
    ]


def _projects() -> list[Dialogue]:
    """The village's money and projects: list, detail, paging both ways, a report about a project."""
    return [
        _d("tu-canal-money", "projects", "projects", "村上修渠的钱花了多少 有没有麻达 给俺看一哈"),
        _d("teen-paging", "projects", "projects", "村里的项目", (LIST, "更多"), "上一页"),
        _d("salar-income", "projects", "projects", "村上 集体的收入 多少 一年"),
        _d("teacher-detail", "projects", "detail", "本村的项目 資金公开了没有 想看一看", (LIST, "三")),
        _d("driver-detail-back", "projects", "projects", "村里的账我看一下", (LIST, "5号"), "返回"),
        _d(
            "doctor-project-report",
            "projects",
            "report;anon=1;keep=道路硬化",
            "村上修路花的钱 给我看看",
            (LIST, "{opt:道路硬化}"),
            "这个路去年才修好 现在好几处都裂开了 我要反映",
            (CATQ, "{opt:项目}"),
            (TELL, "路面好几处裂开了 下雨就冒泥"),
            *rest(more="说完了", who="{opt:不清楚}", pic="没拍", name="匿名", check="提交"),
        ),
        _d("oneword-subsidy", "projects", "projects", "补助发了多少"),
        _d("wubao-what-projects", "projects", "projects", "今年村上搞了些啥工程 花了多少钱", (LIST, "更多")),
    ]


def _tracks() -> list[Dialogue]:
    """Case numbers and query codes in messy formats, in either order, on separate lines or messages."""
    return [
        _d(
            "oneword-separate-messages",
            "track",
            "case",
            "４",
            (TRACKQ, "{p1}　{p2}　{p3}"),
            ("查询码", "{cf}"),
        ),
        _d("teacher-code-first-groups", "track", "case", "查詢碼{cs} 編號{nd}"),
        _d("tu-long-dash", "track", "case", "俺反映的事咋样了", "{p1}——{p2}——{p3}\n{c}"),
        _d("driver-voice-track", "track", "case", "查一下我那个案子编号是{nd}查寻码是{c}"),
        _d("doctor-code-first-lines", "track", "case", "{c}\n{n}"),
        _d("teen-fullwidth", "track", "case", "家人们 帮我查下进度🙏 {nf}，{cf}"),
        _d("salar-order", "track", "case", "查询码 {c} 是 编号 {n} 是 事情 咋样了"),
        _d("daughter-short-county", "track", "notcase", "帮俺公公查一下 编号63022-2026-000001 查询码{c}"),
    ]


def _hardship() -> list[Dialogue]:
    """Hardship: its own script, a phone required, never anonymous."""
    return [
        _d(
            "daughter-father-stroke",
            "hardship",
            "hardship",
            "俺公公中风了 半边身子动不了 俺男人在外头打工 家里一下子没了办法",
            (HOFFER, "要登记"),
            *_help_what(
                "公公中风瘫了 看病花了四万多",
                "我们自己家",
                "大病",
                "上个月",
                "一家五口",
                "看病能多报点",
                "俺男人的电话 13897123456",
            ),
        ),
        _d(
            "doctor-for-neighbour",
            "hardship",
            "hardship",
            "我是村医 替村里一户人家登记一下 老两口都七十多了 老汉肺气肿 儿子前年没了 地也种不动了",
            (HOFFER, "{opt:登记}"),
            *_help_what(
                "老汉肺气肿 儿子不在了 没劳力",
                "{opt:别人家}",
                "生病",
                "一直都这样 今年更重了",
                "2个人",
                "临时救助 看病",
                "我的电话１３９０９７２１１２２",
            ),
        ),
        _d(
            "wubao-own-house",
            "hardship",
            "hardship",
            "俺是个五保老汉 一个人住 房子漏得住不成了 今年雨大 后墙也裂了",
            (HOFFER, "好"),
            *_help_what(
                "房子漏雨 后墙裂了",
                "自己",
                "房子坏了",
                "今年七月",
                "就我一个",
                "把房子修一哈",
                "没手机 社长的电话13709721234",
            ),
        ),
        _d(
            "tu-hail",
            "hardship",
            "hardship",
            "今年八月下了一场冷子 俺家的青稞洋芋全打光了 一年白干 尕娃还要念书",
            (HOFFER, "嗯 登记一哈"),
            *_help_what(
                "冰雹把庄稼全打了",
                "{optw:自己家}",
                "自然灾害",
                "八月份",
                "四口人",
                "临时救助 娃娃上学资助",
                "13519723456",
            ),
        ),
        _d(
            "driver-accident-voice",
            "hardship",
            "hardship",
            "我前两个月跑车出了车祸腿压断了车也报废了车贷还欠着十几万家里老人娃娃都指着我",
            (HOFFER, "登记"),
            *_help_what(
                "车祸腿断了车报废了还欠车贷",
                "我家",
                "意外",
                "两个月前",
                "六个人",
                "想办个临时救助 腿好了找个活干",
                "电话是13997245678",
            ),
        ),
        _d(
            "teen-dad-job",
            "hardship",
            "hardship",
            "咋整啊家人们 我爸在西宁干活的厂子倒闭了 家里没收入了 我下学期学费还差六千",
            (HOFFER, "1"),
            *_help_what(
                "爸爸厂子倒闭没工作了 我学费交不上",
                "自己家",
                "没工作了 上学",
                "这个月",
                "三口",
                "学费资助 给我爸找个活",
                "电话能不能不留啊 跳过",
            )[:-1],
            (HPHONE, "行吧 我爸电话18797231234"),
            (CHECK, "提交"),
        ),
        _d(
            "oneword-hardship-steps",
            "hardship",
            "hardship",
            "申请帮扶",
            (HOFFER, "1"),
            (HWHAT, "媳妇病了 住院"),
            *_help_what("媳妇病了 住院", "自己", "大病", "上个月", "3", "看病", "13897001122"),
        ),
        _d(
            "salar-switch-from-report",
            "hardship",
            "hardship",
            "反映 要哩 俺",
            (ASKCAT, "{opt:返贫}"),
            (TELL + "|怎么回事", "俺的掌柜 肾上病下了 透析 一个礼拜两回 钱 没有了"),
            *_help_what(
                "掌柜的透析 钱没有了",
                "俺家的",
                "大病",
                "去年冬天",
                "五口 俺家",
                "看病的钱 报销",
                "１３５０９７２８８９９",
            ),
        ),
        _d(
            "long-woman-asks-anon",
            "hardship",
            "hardship",
            "你好 我想问三个事 我们家男人去年从架子上摔下来腰断了 现在干不了活 娃娃还小 "
            "一是能不能申请帮扶 二是要交啥材料 三是能不能不留名字",
            (HOFFER, "登记吧"),
            *_help_what(
                "男人腰摔断了干不了活", "自己家", "意外事故", "去年九月", "四口", "临时救助", "那就留我的 13619721357"
            ),
        ),
    ]


def _questions() -> list[Dialogue]:
    """Policy questions in these villagers' words: answered."""
    return [
        _d("teen-yulu", "question", "answer", "雨露计划是啥 上职校的能申请不"),
        _d("wubao-standard", "question", "answer", "五保户一个月给多少钱"),
        _d("doctor-medical-aid", "question", "answer", "大病医疗救助咋申请 要些啥材料"),
        _d("tu-farmland", "question", "answer", "耕地地力保护补贴一亩多少 阿么领哩"),
        _d("driver-pension-voice", "question", "answer", "城乡居民养老保险一年交多少钱六十岁以后一个月能领多少"),
    ]


def _safety() -> list[Dialogue]:
    """Will the cadre know it was me: answered, never stored, and the report goes on."""
    return [
        _d(
            "salar-will-know",
            "safety",
            "report;anon=1;drop=知道",
            "我要举报 村长 知道了会不会 是我",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "村长 办低保 一户要了一千 俺听见的有"),
            *rest(more="完了", who="村干部", pic="没有", name="匿名", check="提交"),
        ),
        _d(
            "teen-at-offer",
            "safety",
            "report;anon=1;keep=护林员;drop=告诉",
            "支书他儿子挂了个护林员 一年到头没上过山 工资照领 笑死",
            (OFFER, "你们会不会告诉支书是我说的"),
            (OFFER, "那行 反映"),
            *rest(more="没了", who="村干部", pic="没有", name="匿名", check="提交"),
        ),
        _d(
            "teacher-at-name-step",
            "safety",
            "report;anon=1;keep=账目;drop=查出來",
            "我要反映村裡的問題",
            (ASKCAT, "{opt:扶贫资金}"),
            (TELL, "村集體的光伏收益 三年來賬目從不公開 村民問了也不說"),
            (MORE, "說完了"),
            (WHO, "村干部"),
            (PIC, "沒有"),
            (NAMEQ, "匿名的話 村幹部能不能查出來是我"),
            (NAMEQ, "{opt:匿名}"),
            (CHECK, "提交"),
        ),
        _d(
            "tu-revenge-first",
            "safety",
            "report;anon=1;keep=水窖",
            "俺怕告了以后社长给俺穿小鞋 低保给俺取消掉 阿么办",
            "那俺还是反映一哈",
            (ASKCAT, "{opt:吃拿卡要}"),
            (TELL, "社长修水窖 每家收了三百块 水窖到现在没打"),
            *rest(more="就这些", who="村干部", pic="没有", name="匿名", check="提交"),
        ),
        _d(
            "daughter-hardship-who-sees",
            "safety",
            "hardship",
            "俺公公眼睛看不见了 婆婆也常年吃药 家里就靠俺一个人种地",
            (HOFFER, "登记"),
            (WHOSE, "我们自己家"),
            (HWHAT, "公公眼睛瞎了 婆婆有病"),
            (HKIND, "残疾 生病"),
            (HWHEN, "前年开始"),
            (HPEOPLE, "五口"),
            (HHELP, "临时救助"),
            (HPHONE, "留了电话村上的人会不会都知道俺家申请了"),
            (HPHONE, "13897456789"),
            (CHECK, "提交"),
        ),
        _d(
            "long-woman-secret-story",
            "safety",
            "report;anon=1;keep=危房;drop=保密",
            "村上的会计办危房改造 每户要收两千块好处费 俺家没给就没评上 这个事你们能保密吗 俺不想让村里人知道",
            (OFFER, "嗯 要反映"),
            *rest(more="说完了", who="村干部", pic="没有", name="匿名", check="提交"),
        ),
    ]


def blind_m() -> list[Dialogue]:
    """The 80 dialogues of blind set M."""
    return [
        *_asks(),
        *_stories(),
        *_persons(),
        *_navigation(),
        *_choices(),
        *_small(),
        *_projects(),
        *_tracks(),
        *_hardship(),
        *_questions(),
        *_safety(),
    ]
