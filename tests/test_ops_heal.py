"""A run left Pending by a `serve` that stopped holds the deployment's only slot; the next
`serve` marks it crashed at start, which frees the slot for the next tick (issue 13 item 8)."""

from __future__ import annotations

import pytest
from conftest import SEEDS

pytestmark = pytest.mark.usefixtures("prefect_api")


def test_next_serve_frees_the_slot_of_an_orphaned_run(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.states import Pending
    from zhnews import ops

    deployment = ops.inbox_deployment(SEEDS, tmp_path / "w", name="heal-test")
    deployment_id = deployment.apply()
    with get_client(sync_client=True) as client:
        orphan = client.create_flow_run_from_deployment(deployment_id)
        # what `serve` does when a tick's run is submitted: Pending takes the only slot
        assert client.set_flow_run_state(orphan.id, Pending()).state.is_pending()
        second = client.create_flow_run_from_deployment(deployment_id)
        refused = client.set_flow_run_state(second.id, Pending())
        assert not refused.state or not refused.state.is_pending()  # the slot is taken

        healed = ops.heal_orphaned_runs("etl/heal-test")

        assert [name for name, _ in healed] == [orphan.name]
        assert client.read_flow_run(orphan.id).state.is_crashed()
        third = client.create_flow_run_from_deployment(deployment_id)
        assert client.set_flow_run_state(third.id, Pending()).state.is_pending()
    assert ops.heal_orphaned_runs("etl/no-such-deployment") == []
