/** user-service: onboarding, profile, nickname, account deletion. 256 MB, 15 s. */
package jp.homebiyori.user;
