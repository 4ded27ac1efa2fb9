"""Routes one message to one handler: events, then the current state, then commands, what the message
means (bot/understand.py), the menu and kinds.

No state traps a villager: a menu word, 帮助, 重新开始 or 转人工 leaves any state, and 返回 and 取消
leave every state that does not give them a meaning of its own (`navigates`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from bot.context import Context, Reply
from bot.menu import CLICK_KEYS
from storage.repos.users import ConversationState
from wechat.inbound import MessageKind

Handler = Callable[[Context], Reply | None]
# A state handler returns PASS to let global commands and the menu handle the message instead.
PASS = Reply("\x00pass")
# Intents that leave any state before it sees the message, unless the state `navigates` itself.
LEAVING = frozenset({"menu", "help", "restart", "person"})
# Intents a state without its own meaning for them is left on (更多 is left to the state: lists page).
STEPPING = frozenset({"back", "cancel"})


@dataclass
class Router:
    """Handlers a feature contributes. Features are merged into one Dispatcher."""

    events: dict[str, Handler] = field(default_factory=dict)
    states: dict[str, Handler] = field(default_factory=dict)
    commands: dict[str, Handler] = field(default_factory=dict)
    menu: dict[str, Handler] = field(default_factory=dict)
    kinds: dict[str, Handler] = field(default_factory=dict)
    intents: dict[str, Handler] = field(default_factory=dict)
    # States in which a message that is exactly a command word runs that command (see `state`).
    commands_first: set[str] = field(default_factory=set)
    # States that see navigation intents (返回, 取消, 菜单, 转人工...) themselves and PASS what they leave to.
    navigates: set[str] = field(default_factory=set)
    # States that see 转人工 themselves (an answer hands over the question it answered).
    hands_over: set[str] = field(default_factory=set)
    # How a state says its prompt again when asked (再说一遍, 没听清); a state without one shows the main menu.
    repeats: dict[str, Handler] = field(default_factory=dict)

    def event(self, *names: str) -> Callable[[Handler], Handler]:
        return self._register(self.events, names)

    def state(
        self, *names: ConversationState, commands_first: bool = False, navigates: bool = False, hands_over: bool = False
    ) -> Callable[[Handler], Handler]:
        """`commands_first`: a state that takes any free text (a question) still lets the exact command
        words through, so 反映 after a policy answer starts a report instead of being searched.
        `navigates`: the state gives 返回, 取消, 菜单 and the like a meaning of its own (see the module doc)."""
        if commands_first:
            self.commands_first.update(names)
        if navigates:
            self.navigates.update(names)
        if hands_over:
            self.hands_over.update(names)
        return self._register(self.states, names)

    def intent(self, *names: str) -> Callable[[Handler], Handler]:
        return self._register(self.intents, names)

    def repeat(self, *states: ConversationState) -> Callable[[Handler], Handler]:
        """The handler that says this state's prompt again (再说一遍, 没听清, 刚才说啥)."""
        return self._register(self.repeats, states)

    def command(self, *words: str) -> Callable[[Handler], Handler]:
        return self._register(self.commands, words)

    def menu_item(self, *numbers: str) -> Callable[[Handler], Handler]:
        return self._register(self.menu, numbers)

    def kind(self, *kinds: MessageKind) -> Callable[[Handler], Handler]:
        return self._register(self.kinds, kinds)

    @staticmethod
    def _register(table: dict[str, Handler], keys: tuple[str, ...]) -> Callable[[Handler], Handler]:
        def wrap(fn: Handler) -> Handler:
            for key in keys:
                if key in table:
                    raise ValueError(f"handler for {key!r} registered twice")
                table[key] = fn
            return fn

        return wrap


class Dispatcher:
    def __init__(self, *routers: Router, fallback: Handler) -> None:
        self.router = Router()
        for router in routers:
            self.include(router)
        self.fallback = fallback

    def include(self, router: Router) -> None:
        for name in ("events", "states", "commands", "menu", "kinds", "intents", "repeats"):
            mine: dict[str, Handler] = getattr(self.router, name)
            for key, fn in getattr(router, name).items():
                if key in mine:
                    raise ValueError(f"{name} handler for {key!r} registered twice")
                mine[key] = fn
        self.router.commands_first |= router.commands_first
        self.router.navigates |= router.navigates
        self.router.hands_over |= router.hands_over

    def dispatch(self, ctx: Context) -> Reply | None:
        msg = ctx.message
        r = self.router
        if msg.is_event:
            if msg.event == "click":
                number = CLICK_KEYS.get(msg.event_key)
                if number is not None and number in r.menu:
                    ctx.reset()
                    return r.menu[number](ctx)
            handler = r.events.get(msg.event)
            return handler(ctx) if handler else None
        state = ctx.state.split(":", 1)[0]
        if msg.kind in ("text", "voice") and ctx.intent.name == "repeat":
            return self._repeat(ctx, state)
        state_handler = r.states.get(state)
        if state in r.commands_first and msg.kind in ("text", "voice") and ctx.text in r.commands:
            ctx.reset()
            state_handler = None
        if state_handler is not None and state != ConversationState.IDLE and self._leaves(state, ctx.intent.name):
            ctx.previous = ctx.data
            ctx.reset()
            state_handler = r.states.get(ConversationState.IDLE)
        if state_handler is not None:
            reply = state_handler(ctx)
            if reply is not PASS:
                return reply
        text = ctx.text
        if msg.kind in ("text", "voice") and text:
            command = r.commands.get(text)
            if command is not None:
                return command(ctx)
            meant = r.intents.get(ctx.intent.name)
            if meant is not None:
                reply = meant(ctx)
                if reply is not None and reply is not PASS:
                    return reply
            number = str(ctx.intent.choice) if ctx.intent.choice is not None else text
            item = r.menu.get(number) if ctx.intent.name in ("choice", "menu_item") else r.menu.get(text)
            if item is not None:
                ctx.reset()
                return item(ctx)
        kind_handler = r.kinds.get(msg.kind)
        if kind_handler is not None:
            return kind_handler(ctx)
        return self.fallback(ctx)

    def _repeat(self, ctx: Context, state: str) -> Reply | None:
        """再说一遍 at any step: that step's prompt again; where none can be said again (idle, an answer
        gone by), the main menu, which is where the villager stands."""
        repeater = self.router.repeats.get(state)
        if repeater is not None and state != ConversationState.IDLE:
            reply = repeater(ctx)
            if reply is not PASS:
                return reply
        ctx.reset()
        menu = self.router.intents.get("menu")
        return menu(ctx) if menu is not None else self.fallback(ctx)

    def _leaves(self, state: str, intent: str) -> bool:
        if state in self.router.navigates or (intent == "person" and state in self.router.hands_over):
            return False
        return intent in LEAVING or intent in STEPPING
