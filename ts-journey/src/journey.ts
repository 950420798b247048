// A user's life on the local stack (./homebiyori run), driven through the generated user-API client the way the
// front end uses it. Exits 1 if any expectation fails. See ts-journey/README.md.
import {
    AiCharacter,
    BillingApi,
    CancelReason,
    ChatApi,
    ChatType,
    Configuration,
    EmotionStamp,
    HealthApi,
    Middleware,
    NotificationType,
    NotificationsApi,
    PaidPlan,
    Plan,
    PraiseLevel,
    ResponseError,
    SendChatType,
    SendMessageResponse,
    SubscriptionStatusValue,
    TreeApi,
    UsersApi,
    WebhookApi,
    WebhookOutcome,
} from '../../generated-api/target/typescript/user/src';

const env = process.env;
const USER_API = `http://127.0.0.1:${env.HOMEBIYORI_USER_API_PORT ?? '8080'}`;
const ISSUER = `http://127.0.0.1:${env.HOMEBIYORI_ISSUER_PORT ?? '8090'}`;
const WEBHOOK_SECRET = env.HOMEBIYORI_WEBHOOK_SECRET ?? 'whsec_local_homebiyori';
const APP_ORIGIN = env.HOMEBIYORI_APP_ORIGIN ?? 'http://localhost:3000';

const ORDINARY = '今日は朝から子どもの準備でバタバタして、保育園に送ってから仕事に向かいました。';
const MOVING = '今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。';
const SECOND_MOVING = '夜は子どもが「ママだいすき」と言ってくれて、本当に嬉しかった！今日は最高に幸せな一日でした。';
const GROUP = '明日は子どもの運動会です。お弁当づくり、ちゃんとできるか少し不安だけど頑張りたいです。';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- expectations

const failures: string[] = [];
let currentStep = '';
let lastRequestId: string | null = null;

function check(condition: boolean, what: string, detail?: unknown): void {
    if (!condition) {
        const extra = detail === undefined ? '' : ` (got ${JSON.stringify(detail)})`;
        failures.push(`${currentStep}: ${what}${extra}`);
        console.log(`    ✗ ${what}${extra}`);
    }
}

async function step(name: string, body: () => Promise<void>): Promise<void> {
    currentStep = name;
    const before = failures.length;
    try {
        await body();
    } catch (e) {
        const reason = e instanceof ResponseError
            ? `${e.response.status} ${e.response.url}: ${await e.response.text()}`
            : e instanceof Error ? e.message : String(e);
        failures.push(`${name}: unexpected failure: ${reason} (request ${lastRequestId})`);
        console.log(`    ✗ unexpected failure: ${reason}`);
    }
    console.log(`${failures.length === before ? '✓' : '✗'} ${name}`);
}

/** The call must fail with this status and Error code, and the body must have the Error shape. */
async function expectError(call: () => Promise<unknown>, status: number, code: string): Promise<Record<string, unknown>> {
    try {
        await call();
    } catch (e) {
        if (!(e instanceof ResponseError)) {
            throw e;
        }
        const text = await e.response.text();
        let body: Record<string, unknown>;
        try {
            body = JSON.parse(text) as Record<string, unknown>;
        } catch {
            check(false, `${status} ${code}: the error body is JSON`, text);
            return {};
        }
        check(e.response.status === status && body.code === code, `answers ${status} ${code}`, `${e.response.status} ${String(body.code)}`);
        checkErrorShape(body, e.response.headers.get('x-request-id'));
        return body;
    }
    check(false, `answers ${status} ${code}`, 'success');
    return {};
}

/** The one Error body of the contracts: {code, message, request_id, details?}. */
function checkErrorShape(body: Record<string, unknown>, requestIdHeader: string | null): void {
    const keys = Object.keys(body);
    check(keys.every((k) => ['code', 'message', 'request_id', 'details'].includes(k)), 'error has only code, message, request_id, details', keys);
    check(typeof body.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(body.code), 'error code is UPPER_SNAKE', body.code);
    check(typeof body.message === 'string' && body.message.length > 0, 'error message is set');
    check(typeof body.request_id === 'string' && body.request_id === requestIdHeader, 'error request_id equals x-request-id', [body.request_id, requestIdHeader]);
    check(body.details === undefined || (typeof body.details === 'object' && body.details !== null), 'error details is an object');
}

const jstDay = (d: Date): string => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
const days = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY_MS;

// ---------------------------------------------------------------- the client, as the front end configures it

async function mintToken(sub: string): Promise<string> {
    const reply = await fetch(`${ISSUER}/dev/tokens?pool=user&sub=${sub}&expires_in=PT1H`, { method: 'POST' });
    if (reply.status !== 200) {
        throw new Error(`no token from the dev issuer at ${ISSUER}: ${reply.status} (is ./homebiyori run running?)`);
    }
    return (await reply.text()).trim();
}

/** Remembers the x-request-id of every answer, for failure messages. */
const requestIds: Middleware = {
    post: async ({ response }) => {
        lastRequestId = response.headers.get('x-request-id');
    },
};

function clients(token?: string) {
    const configuration = new Configuration({
        basePath: USER_API,
        accessToken: token === undefined ? undefined : async () => token,
        middleware: [requestIds],
    });
    return {
        users: new UsersApi(configuration),
        chat: new ChatApi(configuration),
        tree: new TreeApi(configuration),
        billing: new BillingApi(configuration),
        notifications: new NotificationsApi(configuration),
        webhook: new WebhookApi(configuration),
        health: new HealthApi(configuration),
    };
}

/** A Stripe event for the user, signed as Stripe signs: t=<unix time>,v1=hex(HMAC-SHA256(secret, "<t>.<body>")). */
async function signedSubscriptionEvent(type: string, sub: string): Promise<{ id: string; payload: string; signature: string }> {
    const now = Math.floor(Date.now() / 1000);
    const id = `evt_tsjourney_${now}_${Math.floor(Math.random() * 1e9).toString(36)}`;
    const payload = JSON.stringify({
        id, object: 'event', api_version: '2025-08-27.basil', created: now, livemode: false, type,
        data: {
            object: {
                id: `sub_tsjourney_${sub}`, object: 'subscription', customer: `cus_tsjourney_${sub}`, status: 'active',
                cancel_at_period_end: false, metadata: { user_id: sub },
                items: {
                    object: 'list',
                    data: [{
                        id: `si_tsjourney_${sub}`, current_period_start: now, current_period_end: now + 30 * 86_400,
                        price: { id: 'price_monthly_local', object: 'price' },
                    }],
                },
            },
        },
    });
    const encoder = new TextEncoder();
    const key = await crypto.subtle.importKey('raw', encoder.encode(WEBHOOK_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${now}.${payload}`)));
    const hex = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
    return { id, payload, signature: `t=${now},v1=${hex}` };
}

/**
 * Sends a Stripe delivery through the generated WebhookApi. The client JSON-encodes a string body (the spec types it
 * as an application/json string), which would change the signed bytes; a Blob is sent exactly as it is.
 */
function deliver(webhook: WebhookApi, event: { payload: string; signature: string }) {
    return webhook.handleStripeWebhook({ stripeSignature: event.signature, body: event.payload }, { body: new Blob([event.payload]) });
}

// ---------------------------------------------------------------- the journey

async function main(): Promise<void> {
    const sub = `tsjourney-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e8).toString(36)}`;
    console.log(`user journey through the generated TypeScript client: ${USER_API}, user ${sub}`);
    const token = await mintToken(sub);
    const api = clients(token);
    const anonymous = clients();
    const sent: SendMessageResponse[] = [];
    let fruitId = '';
    let notificationId = '';

    await step('health (public)', async () => {
        const health = await anonymous.health.getHealth();
        check(health.status === 'ok', 'status ok', health.status);
    });

    await step('no token / a garbage token → 401 UNAUTHORIZED', async () => {
        await expectError(() => anonymous.users.getProfile(), 401, 'UNAUTHORIZED');
        await expectError(() => clients('not-a-jwt').users.getProfile(), 401, 'UNAUTHORIZED');
    });

    await step('onboarding', async () => {
        await expectError(() => api.users.getProfile(), 404, 'ONBOARDING_REQUIRED');
        const status = await api.users.getOnboardingStatus();
        check(status.userId === sub && status.needsOnboarding && !status.onboardingCompleted, 'onboarding needed', status);
        const tooLong = await expectError(() => api.users.completeOnboarding({
            completeOnboardingRequest: { nickname: 'あいうえおかきくけこさしすせそたちつてとな' },
        }), 400, 'VALIDATION_ERROR');
        check((tooLong.details as Record<string, unknown> | undefined)?.field === 'nickname', 'the error names the field', tooLong.details);
        await expectError(() => api.users.completeOnboarding(
            { completeOnboardingRequest: { nickname: 'ゆうママ' } },
            { body: new Blob(['{"nickname": "ゆうママ"']) },
        ), 400, 'MALFORMED_JSON');
        const profile = await api.users.completeOnboarding({
            completeOnboardingRequest: { nickname: 'ゆうママ', aiCharacter: AiCharacter.Tama, praiseLevel: PraiseLevel.Normal },
        });
        check(profile.onboardingCompleted && profile.nickname === 'ゆうママ', 'onboarding completed', profile);
        const done = await api.users.getOnboardingStatus();
        check(!done.needsOnboarding && done.nickname === 'ゆうママ', 'no onboarding needed any more', done);
    });

    await step('profile', async () => {
        const profile = await api.users.getProfile();
        check(profile.userId === sub && profile.aiCharacter === AiCharacter.Tama, 'the profile of this user', profile);
        await expectError(() => api.users.updateProfile({ updateProfileRequest: { praiseLevel: PraiseLevel.Deep } }), 403, 'PREMIUM_REQUIRED');
    });

    await step('chats grow the tree; the moving one grows the day\'s fruit', async () => {
        const seedling = await api.tree.getTreeStatus();
        check(seedling.currentStage === 1 && seedling.totalCharacters === 0 && seedling.totalFruits === 0, 'a seedling', seedling);
        let characters = 0;
        for (const message of [ORDINARY, MOVING, SECOND_MOVING]) {
            const reply = await api.chat.sendMessage({ sendMessageRequest: { message } });
            characters += message.length;
            check(reply.aiResponses.length === 1 && reply.aiResponse === reply.aiResponses[0].text, 'one character replies', reply.aiResponses);
            check(reply.treeGrowth.totalCharacters === characters, 'the tree grows by the message length', reply.treeGrowth);
            check(reply.treeGrowth.stageChanged === (reply.treeGrowth.currentStage > reply.treeGrowth.previousStage), 'stage_changed is consistent');
            check(reply.disclaimer.length > 0, 'the reply comes with the note that AI answers may be wrong', reply.disclaimer);
            sent.push(reply);
        }
        const [ordinary, moving, second] = sent;
        check(!ordinary.fruitGenerated, 'no fruit for an ordinary day');
        check(moving.fruitGenerated && moving.fruit !== undefined, 'the moving message grows a fruit', moving);
        check(moving.emotionIntensity >= 3, 'a strong emotion', moving.emotionIntensity);
        check(moving.treeGrowth.stageChanged === (characters - SECOND_MOVING.length >= (seedling.nextStageThreshold ?? Infinity)),
            'the tree reaches stage 2 when it passes the threshold', moving.treeGrowth);
        fruitId = moving.fruit?.fruitId ?? '';
        if (moving.fruit && jstDay(second.createdAt) === jstDay(moving.fruit.createdAt)) {
            check(!second.fruitGenerated, 'no second fruit on the same JST day');
        }
        const stamp = await api.chat.sendEmotionStamp({ emotionStampRequest: { emotion: EmotionStamp.Tired } });
        check(stamp.emotion === EmotionStamp.Tired && stamp.aiResponse.length > 0, 'a reply to the stamp', stamp);
        await expectError(() => api.chat.sendMessage({ sendMessageRequest: { message: GROUP, chatType: SendChatType.Group } }), 403, 'PREMIUM_REQUIRED');
        const tree = await api.tree.getTreeStatus();
        check(tree.totalCharacters === characters && tree.totalMessages === 4 && tree.totalFruits === 1, 'the tree counts them', tree);
        check(tree.recentFruits.length === 1 && tree.recentFruits[0].fruitId === fruitId, 'the fruit is on the tree', tree.recentFruits);
        check(tree.currentStage >= 2, 'stage 2 or more', tree.currentStage);
    });

    await step('fruits', async () => {
        const fruits = await api.tree.listFruits({});
        check(fruits.items.length === 1 && fruits.items[0].fruitId === fruitId && !fruits.items[0].viewed, 'the one fruit, unviewed', fruits.items);
        const fruit = await api.tree.viewFruit({ fruitId });
        check(fruit.userMessage === MOVING && fruit.viewCount === 1 && fruit.characterName === 'たまさん', 'the fruit keeps the message', fruit);
        check(fruit.disclaimer === sent[0].disclaimer, 'the fruit shows its reply with the same note as the chat', fruit.disclaimer);
        const again = await api.tree.viewFruit({ fruitId });
        check(again.viewCount === 2 && again.firstViewedAt.getTime() === fruit.firstViewedAt.getTime(), 'views are counted', again);
        const viewed = await api.tree.listFruits({ aiCharacter: AiCharacter.Tama });
        check(viewed.items[0]?.viewed === true, 'viewed now', viewed.items);
        await expectError(() => api.tree.viewFruit({ fruitId: UNKNOWN_ID }), 404, 'NOT_FOUND');
    });

    await step('history', async () => {
        const history = await api.chat.getChatHistory({});
        const ids = history.items.map((c) => c.chatId);
        check(history.items.length === 4 && history.items[0].chatType === ChatType.EmotionStamp, 'four chats, the stamp newest', ids);
        check(JSON.stringify(ids.slice(1)) === JSON.stringify(sent.map((s) => s.messageId).reverse()), 'newest first', ids);
        check(JSON.stringify(history.items.map((c) => c.fruitGenerated)) === JSON.stringify([false, false, true, false]), 'the fruit is marked on its chat');
        check(history.items.every((c) => c.disclaimer === sent[0].disclaimer), 'every chat shows its replies with the same note', history.items.map((c) => c.disclaimer));
        const retention = days(history.items[1].createdAt, history.items[1].expiresAt);
        check(Math.abs(retention - 30) < 0.01, 'kept 30 days on the free plan', retention);
        const first = await api.chat.getChatHistory({ limit: 3 });
        check(first.items.length === 3 && typeof first.nextToken === 'string', 'page 1 has a next_token', first.nextToken);
        const second = await api.chat.getChatHistory({ limit: 3, nextToken: first.nextToken ?? undefined });
        check(second.items.length === 1 && second.items[0].chatId === sent[0].messageId && second.nextToken == null, 'page 2 is the last', second);
        await expectError(() => api.chat.getChatHistory({ limit: 3, aiCharacter: AiCharacter.Hide, nextToken: first.nextToken ?? undefined }),
            400, 'INVALID_PAGINATION_TOKEN');
    });

    await step('subscribe: Checkout, then the signed Stripe webhook', async () => {
        const free = await api.billing.getSubscription();
        check(free.currentPlan === Plan.Free && free.status === SubscriptionStatusValue.None && !free.isPremium && !free.features.groupChat,
            'free plan', free);
        await expectError(() => api.billing.getPortalSession({}), 409, 'NO_BILLING_CUSTOMER');
        await expectError(() => api.billing.createCheckoutSession({
            checkoutRequest: { planType: PaidPlan.Monthly, successUrl: 'https://evil.example/phish', cancelUrl: `${APP_ORIGIN}/billing` },
        }), 400, 'REDIRECT_URL_NOT_ALLOWED');
        const checkout = await api.billing.createCheckoutSession({
            checkoutRequest: { planType: PaidPlan.Monthly, successUrl: `${APP_ORIGIN}/billing/success`, cancelUrl: `${APP_ORIGIN}/billing` },
        });
        check(checkout.checkoutUrl.startsWith('https://') && checkout.sessionId.length > 0, 'a hosted Checkout page', checkout);

        const event = await signedSubscriptionEvent('customer.subscription.created', sub);
        const forged = event.signature.replace(/v1=[0-9a-f]+$/, `v1=${'0'.repeat(64)}`);
        await expectError(() => deliver(anonymous.webhook, { payload: event.payload, signature: forged }), 401, 'INVALID_SIGNATURE');
        const ack = await deliver(anonymous.webhook, event);
        check(ack.received && ack.eventId === event.id && ack.outcome === WebhookOutcome.Processed, 'processed', ack);
        const duplicate = await deliver(anonymous.webhook, event);
        check(duplicate.outcome === WebhookOutcome.Duplicate, 'the same delivery again is a duplicate', duplicate);

        const premium = await api.billing.getSubscription();
        check(premium.currentPlan === Plan.Monthly && premium.status === SubscriptionStatusValue.Active && premium.isPremium,
            'monthly, active, premium', premium);
        check(premium.features.groupChat && premium.features.deepMode && premium.features.chatRetentionDays === 180, 'premium features', premium.features);
        const period = premium.currentPeriodEnd ? days(new Date(), premium.currentPeriodEnd) : 0;
        check(period > 29.9 && period < 30.01, 'a 30-day period', period);
        await expectError(() => api.billing.createCheckoutSession({
            checkoutRequest: { planType: PaidPlan.Yearly, successUrl: `${APP_ORIGIN}/billing/success`, cancelUrl: `${APP_ORIGIN}/billing` },
        }), 409, 'ALREADY_SUBSCRIBED');
    });

    await step('premium: group chat and deep praise', async () => {
        const group = await api.chat.sendMessage({ sendMessageRequest: { message: GROUP, chatType: SendChatType.Group } });
        const characters = group.aiResponses.map((r) => r.aiCharacter);
        check(characters.length >= 2 && new Set(characters).size === characters.length, 'several characters answer', characters);
        const latest = await api.chat.getChatHistory({ limit: 1 });
        const chat = latest.items[0];
        check(chat?.chatType === ChatType.Group && Math.abs(days(chat.createdAt, chat.expiresAt) - 180) < 0.01, 'kept 180 days on premium', chat);
        const profile = await api.users.updateProfile({ updateProfileRequest: { praiseLevel: PraiseLevel.Deep } });
        check(profile.praiseLevel === PraiseLevel.Deep, 'deep praise', profile.praiseLevel);
    });

    await step('notifications', async () => {
        const list = await api.notifications.listNotifications({});
        const changed = list.items.find((n) => n.type === NotificationType.PlanChanged);
        check(changed !== undefined && !changed.isRead, 'the plan change is announced, unread', list.items.map((n) => n.type));
        notificationId = changed?.notificationId ?? UNKNOWN_ID;
        const before = (await api.notifications.getUnreadCount()).unreadCount;
        check(before >= 1, 'something unread', before);
        const read = await api.notifications.markNotificationRead({ notificationId });
        check(read.isRead && read.readAt != null, 'read now', read);
        const after = (await api.notifications.getUnreadCount()).unreadCount;
        check(after === before - 1, 'one fewer unread', [before, after]);
        const unread = await api.notifications.listNotifications({ unreadOnly: true });
        check(unread.items.every((n) => !n.isRead && n.notificationId !== notificationId), 'unread_only lists only unread ones');
        await expectError(() => api.notifications.markNotificationRead({ notificationId: UNKNOWN_ID }), 404, 'NOT_FOUND');
    });

    await step('cancel with a reason, then reactivate', async () => {
        await expectError(() => api.billing.reactivateSubscription(), 409, 'NO_SCHEDULED_CANCELLATION');
        const canceled = await api.billing.cancelSubscription({
            cancelRequest: { reasonCategory: CancelReason.Price, reasonText: '少し高く感じました', satisfactionScore: 4, improvementSuggestions: 'もっと安いプランがあれば' },
        });
        check(canceled.status === SubscriptionStatusValue.CancelScheduled && canceled.cancelAtPeriodEnd && canceled.isPremium,
            'cancellation scheduled, premium until the period end', canceled);
        await expectError(() => api.billing.cancelSubscription({ cancelRequest: { reasonCategory: CancelReason.Other, satisfactionScore: 3 } }),
            409, 'SUBSCRIPTION_NOT_CANCELABLE');
        const reactivated = await api.billing.reactivateSubscription();
        check(reactivated.status === SubscriptionStatusValue.Active && !reactivated.cancelAtPeriodEnd && reactivated.isPremium, 'active again', reactivated);
        const portal = await api.billing.getPortalSession({ returnUrl: `${APP_ORIGIN}/billing` });
        check(portal.portalUrl.startsWith('https://'), 'a portal link', portal);
    });

    await step('account deletion', async () => {
        const deleted = await api.users.deleteAccount();
        check(deleted.userId === sub && deleted.deleted && deleted.subscriptionCanceled, 'deleted, subscription cancelled', deleted);
        const again = await api.users.deleteAccount();
        check(again.deleted && !again.subscriptionCanceled, 'deleting again is harmless', again);
    });

    await step('the same token is void everywhere but the deletion', async () => {
        // a token issued before the deletion can neither read nor write: no chat stored after the erasure,
        // no profile brought back (it would be counted as a new user), no Stripe customer created
        const voided: Array<() => Promise<unknown>> = [
            () => api.users.getProfile(),
            () => api.users.getOnboardingStatus(),
            () => api.tree.getTreeStatus(),
            () => api.tree.listFruits({}),
            () => api.tree.viewFruit({ fruitId: fruitId || UNKNOWN_ID }),
            () => api.chat.getChatHistory({}),
            () => api.chat.sendMessage({ sendMessageRequest: { message: '消したあとの一言' } }),
            () => api.chat.sendEmotionStamp({ emotionStampRequest: { emotion: EmotionStamp.Tired } }),
            () => api.notifications.listNotifications({}),
            () => api.billing.getSubscription(),
            () => api.billing.createCheckoutSession({
                checkoutRequest: { planType: PaidPlan.Monthly, successUrl: `${APP_ORIGIN}/billing/success`, cancelUrl: `${APP_ORIGIN}/billing` },
            }),
        ];
        for (const call of voided) {
            await expectError(call, 401, 'UNAUTHORIZED');
        }
        const late = await deliver(anonymous.webhook, await signedSubscriptionEvent('customer.subscription.updated', sub));
        // the account is gone, its subscription still live at Stripe: nothing is stored, and the subscription is
        // canceled there so the card is not charged again (outcome "canceled", not "processed")
        check(late.outcome === WebhookOutcome.Canceled, 'a late Stripe event of a live subscription cancels it at Stripe, stores nothing', late);
        const mint = await fetch(`${ISSUER}/dev/tokens?pool=user&sub=${sub}&expires_in=PT10M`, { method: 'POST' });
        check(mint.status === 410, 'the dev issuer mints no new token for the deleted user', mint.status);
    });

    if (failures.length > 0) {
        console.log(`\nts-journey: ${failures.length} failed expectation(s):`);
        failures.forEach((f) => console.log(`  - ${f}`));
        process.exitCode = 1;
    } else {
        console.log('\nts-journey: every expectation held');
    }
}

main().catch((e: unknown) => {
    console.log(`ts-journey: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
});
