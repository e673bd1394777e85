package im.magpie.client.net;

import java.util.concurrent.CancellationException;

/**
 * A transfer stopped because it was cancelled. An upload can be resumed by sending the same content again; a download
 * keeps its {@code .part} file and resumes from there.
 */
public final class TransferCancelledException extends CancellationException {
    private static final long serialVersionUID = 1L;

    public TransferCancelledException() {
        super("transfer cancelled");
    }
}
