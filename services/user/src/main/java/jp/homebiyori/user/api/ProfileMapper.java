package jp.homebiyori.user.api;

import jp.homebiyori.api.user.model.AccountDeletionResult;
import jp.homebiyori.api.user.model.AiCharacter;
import jp.homebiyori.api.user.model.OnboardingStatus;
import jp.homebiyori.api.user.model.PraiseLevel;
import jp.homebiyori.api.user.model.UserProfile;
import jp.homebiyori.user.application.AccountDeletion;
import jp.homebiyori.user.application.ProfileEdit;

/** Between the generated models of the users operations and the domain's profile. */
final class ProfileMapper {

    private ProfileMapper() {
    }

    static ProfileEdit edit(String nickname, AiCharacter character, PraiseLevel level) {
        return new ProfileEdit(nickname,
                character == null ? null : jp.homebiyori.domain.character.AiCharacter.fromId(character.toString()).orElseThrow(),
                level == null ? null : jp.homebiyori.domain.character.PraiseLevel.fromId(level.toString()).orElseThrow());
    }

    static UserProfile toApi(jp.homebiyori.domain.user.UserProfile p) {
        return new UserProfile()
                .userId(p.userId())
                .nickname(p.nickname())
                .aiCharacter(AiCharacter.fromValue(p.aiCharacter().id()))
                .praiseLevel(PraiseLevel.fromValue(p.praiseLevel().id()))
                .onboardingCompleted(p.onboardingCompleted())
                .createdAt(p.createdAt())
                .updatedAt(p.updatedAt())
                .nicknameUpdatedAt(p.nicknameUpdatedAt());
    }

    static OnboardingStatus toStatus(jp.homebiyori.domain.user.UserProfile p) {
        return new OnboardingStatus()
                .userId(p.userId())
                .onboardingCompleted(p.onboardingCompleted())
                .needsOnboarding(!p.onboardingCompleted())
                .nickname(p.nickname());
    }

    static AccountDeletionResult toApi(AccountDeletion d) {
        return new AccountDeletionResult()
                .userId(d.userId())
                .deleted(true)
                .subscriptionCanceled(d.subscriptionCanceled())
                .deletedAt(d.deletedAt());
    }
}
