package jp.homebiyori.domain.feedback;

/** Cancellation feedback in the feedback table ({@code FEEDBACK#YYYY-MM} / {@code CANCELLATION#<user>#<ts>}). */
public interface FeedbackRepository {

    void save(CancellationFeedback feedback);
}
