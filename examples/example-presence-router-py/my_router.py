# The seed document's ExamplePresenceRouter (the legacy router from Synapse's
# presence-router documentation), written again in our own words: the same class, the
# same two config options and the same bug. get_users_for_states reads
# update.state_key, which UserPresenceState does not have: see README.md.

from typing import Dict, Iterable, List, Set, Union

from synapse.events.presence_router import PresenceRouter
from synapse.handlers.presence import UserPresenceState
from synapse.module_api import ModuleApi


class PresenceRouterConfig:
    """What parse_config returns: who always gets everything, and whose updates to drop."""

    def __init__(self) -> None:
        self.always_send_to_users: List[str] = []
        self.blacklisted_users: List[str] = []


class ExamplePresenceRouter:
    """Sends every presence update to a fixed list of users, except the updates of
    blacklisted users. Legacy style: Synapse calls parse_config on the dict under
    presence.presence_router.config, then constructs the class with the result."""

    def __init__(self, config: PresenceRouterConfig, module_api: ModuleApi):
        self._config = config
        self._module_api = module_api

    @staticmethod
    def parse_config(config_dict: dict) -> PresenceRouterConfig:
        # No validation here; a real module would raise ConfigError on bad values.
        config = PresenceRouterConfig()
        config.always_send_to_users = config_dict.get("always_send_to_users")
        config.blacklisted_users = config_dict.get("blacklisted_users")
        return config

    async def get_users_for_states(
        self, state_updates: Iterable[UserPresenceState]
    ) -> Dict[str, Set[UserPresenceState]]:
        # Keep the updates of everyone who is not blacklisted ...
        wanted = set()
        for update in state_updates:
            if update.state_key not in self._config.blacklisted_users:
                wanted.add(update)
        # ... and hand all of them to each always-send user.
        return {user_id: wanted for user_id in self._config.always_send_to_users}

    async def get_interested_users(
        self, user_id: str
    ) -> Union[Set[str], str]:
        # The always-send users see everyone; nobody else gets extra presence.
        if user_id in self._config.always_send_to_users:
            return PresenceRouter.ALL_USERS
        return set()
