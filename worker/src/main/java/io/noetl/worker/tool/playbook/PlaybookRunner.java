package io.noetl.worker.tool.playbook;

import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;

/** The {@code playbook} tool is orchestrated by the server; a worker that receives one reports it unsupported. */
public final class PlaybookRunner implements ToolRunner {

    @Override
    public boolean mayBlock() {
        return false;
    }

    @Override
    public String kind() {
        return "playbook";
    }

    @Override
    public ToolOutcome run(ToolCall call) {
        return ToolOutcome.Failed.fatal("UnsupportedTool",
                "tool 'playbook' is run by the server, not by a worker (step " + call.command().step() + ")");
    }
}
