package io.conversa.interfaces.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;

/**
 * A postback whose ViewState cannot even be read (made up, truncated) is refused like one whose
 * ViewState names no view of the session: as a {@link ViewExpiredException}, which the error page
 * answers 403, rather than as a server error. Either way nothing of the form was applied.
 */
public class UnreadableViewStates extends ExceptionHandlerFactory {

    public UnreadableViewStates(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                ExceptionQueuedEventContext event = events.next().getContext();
                // Restoring a postback's view is reading its ViewState; no code of ours runs in that phase.
                if (event.getPhaseId() == PhaseId.RESTORE_VIEW && event.getContext().isPostback()
                        && !(event.getException() instanceof ViewExpiredException)) {
                    events.remove();
                    throw new FacesException(new ViewExpiredException("The view state could not be read.",
                            event.getException(), event.getContext().getExternalContext().getRequestServletPath()));
                }
            }
            getWrapped().handle();
        }
    }
}
