package jp.homebiyori.user.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.UsersApi;
import jp.homebiyori.api.user.model.AccountDeletionResult;
import jp.homebiyori.api.user.model.CompleteOnboardingRequest;
import jp.homebiyori.api.user.model.OnboardingStatus;
import jp.homebiyori.api.user.model.UpdateNicknameRequest;
import jp.homebiyori.api.user.model.UpdateProfileRequest;
import jp.homebiyori.api.user.model.UserProfile;
import jp.homebiyori.common.auth.CurrentCaller;
import jp.homebiyori.user.application.AccountDeletionService;
import jp.homebiyori.user.application.OnboardingService;
import jp.homebiyori.user.application.ProfileEdit;
import jp.homebiyori.user.application.ProfileService;

/** The users operations: each maps in, makes one application call for the caller, and maps out. */
@ApplicationScoped
public class UsersResource implements UsersApi {

    private final CurrentCaller caller;
    private final OnboardingService onboarding;
    private final ProfileService profiles;
    private final AccountDeletionService deletion;

    @Inject
    public UsersResource(CurrentCaller caller, OnboardingService onboarding, ProfileService profiles,
                         AccountDeletionService deletion) {
        this.caller = caller;
        this.onboarding = onboarding;
        this.profiles = profiles;
        this.deletion = deletion;
    }

    @Override
    public OnboardingStatus getOnboardingStatus() {
        return ProfileMapper.toStatus(onboarding.status(caller.userId()));
    }

    @Override
    public UserProfile completeOnboarding(CompleteOnboardingRequest request) {
        ProfileEdit edit = ProfileMapper.edit(request.getNickname(), request.getAiCharacter(), request.getPraiseLevel());
        return ProfileMapper.toApi(onboarding.complete(caller.userId(), edit));
    }

    @Override
    public UserProfile getProfile() {
        return ProfileMapper.toApi(profiles.get(caller.userId()));
    }

    @Override
    public UserProfile updateProfile(UpdateProfileRequest request) {
        ProfileEdit edit = ProfileMapper.edit(request.getNickname(), request.getAiCharacter(), request.getPraiseLevel());
        return ProfileMapper.toApi(profiles.update(caller.userId(), edit));
    }

    @Override
    public UserProfile updateNickname(UpdateNicknameRequest request) {
        return ProfileMapper.toApi(profiles.update(caller.userId(), ProfileEdit.nickname(request.getNickname())));
    }

    @Override
    public AccountDeletionResult deleteAccount() {
        return ProfileMapper.toApi(deletion.delete(caller.userId()));
    }
}
