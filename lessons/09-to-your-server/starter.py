# router.py: a help-desk presence router, the file you will install on your server.
# homeserver.yaml loads it as  modules: [{ module: router.HelpDeskRouter, config: ... }]
from typing import Dict, Iterable, Set, Union

from synapse.events.presence_router import PresenceRouter
from synapse.handlers.presence import UserPresenceState
from synapse.module_api import ModuleApi
from synapse.module_api.errors import ConfigError


class HelpDeskRouter:
    def __init__(self, config: dict, api: ModuleApi):
        self.agent = config["agent"]
        self.customers = set(config["customers"])
        api.register_presence_router_callbacks(
            get_users_for_states=self.get_users_for_states,
            get_interested_users=self.get_interested_users,
        )

    @staticmethod
    def parse_config(config: dict) -> dict:
        # Synapse calls this with the module's config: block before the constructor.
        if not isinstance(config.get("agent"), str):
            raise ConfigError("agent: the help desk's user id, e.g. \"@support:helpdesk.org\"", ["agent"])
        if not isinstance(config.get("customers"), list):
            raise ConfigError("customers: a list of user ids", ["customers"])
        return config

    async def get_users_for_states(
        self, state_updates: Iterable[UserPresenceState]
    ) -> Dict[str, Set[UserPresenceState]]:
        # Who else should receive these updates? Nobody yet.
        return {}

    async def get_interested_users(self, user_id: str) -> Union[Set[str], str]:
        # Whose presence may user_id see besides room-mates? Nobody extra yet.
        return set()
