/** chat-service: AI replies, emotions, fruits, tree growth, history. 1024 MB, 60 s. */
package jp.homebiyori.chat;
