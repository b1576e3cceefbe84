# The modern-style router from Synapse's module docs, in Python: the file you would
# deploy. @alice:example.com receives all presence updates from @bob:example.com and
# @charlie:somewhere.org, whether or not she shares a room with them.
# homeserver.yaml:  modules: [{ module: router.CustomPresenceRouter }]
from typing import Dict, Iterable, Set, Union

from synapse.events.presence_router import PresenceRouter
from synapse.handlers.presence import UserPresenceState
from synapse.module_api import ModuleApi


class CustomPresenceRouter:
    def __init__(self, config: dict, api: ModuleApi):
        self.api = api
        # Modern style (R56): the module registers its callbacks itself, both or
        # neither (R58).
        self.api.register_presence_router_callbacks(
            get_users_for_states=self.get_users_for_states,
            get_interested_users=self.get_interested_users,
        )

    async def get_users_for_states(
        self,
        state_updates: Iterable[UserPresenceState],
    ) -> Dict[str, Set[UserPresenceState]]:
        res: Dict[str, Set[UserPresenceState]] = {}
        for update in state_updates:
            if update.user_id in ("@bob:example.com", "@charlie:somewhere.org"):
                res.setdefault("@alice:example.com", set()).add(update)
        return res

    async def get_interested_users(self, user_id: str) -> Union[Set[str], str]:
        if user_id == "@alice:example.com":
            return {"@bob:example.com", "@charlie:somewhere.org"}
        return set()
