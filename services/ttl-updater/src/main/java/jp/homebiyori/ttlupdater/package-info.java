/** ttl-updater: consumes the TTL queue and rewrites the TTL of a user's chats. 256 MB, 300 s. */
package jp.homebiyori.ttlupdater;
