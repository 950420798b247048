/** billing-service: Stripe Checkout, subscription status, cancel and reactivate, Customer Portal. 512 MB, 30 s. */
package jp.homebiyori.billing;
