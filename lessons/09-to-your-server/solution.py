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
        # The agent receives every customer's update (on example.org this sends them
        # to helpdesk.org, R33; on helpdesk.org it wakes the agent).
        wanted = {state for state in state_updates if state.user_id in self.customers}
        return {self.agent: wanted}

    async def get_interested_users(self, user_id: str) -> Union[Set[str], str]:
        # The agent's sync shows the customers (R50); everyone else gets nothing extra.
        if user_id == self.agent:
            return set(self.customers)
        return set()
