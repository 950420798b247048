/** admin-service: dashboard, users, metrics and maintenance on the admin API. 512 MB, 30 s. */
package jp.homebiyori.admin;
