/** notification-service: notifications of the user API and the internal create operation. 256 MB, 15 s. */
package jp.homebiyori.notification;
