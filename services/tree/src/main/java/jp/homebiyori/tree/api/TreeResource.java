package jp.homebiyori.tree.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.TreeApi;
import jp.homebiyori.api.user.model.AiCharacter;
import jp.homebiyori.api.user.model.Emotion;
import jp.homebiyori.api.user.model.FruitDetail;
import jp.homebiyori.api.user.model.FruitPage;
import jp.homebiyori.api.user.model.TreeStatus;
import jp.homebiyori.common.auth.CurrentCaller;
import jp.homebiyori.tree.application.FruitService;
import jp.homebiyori.tree.application.TreeStatusService;

/** The tree operations: each maps in, makes one application call for the caller, and maps out. */
@ApplicationScoped
public class TreeResource implements TreeApi {

    private static final int DEFAULT_LIMIT = 20;

    private final CurrentCaller caller;
    private final TreeStatusService status;
    private final FruitService fruits;

    @Inject
    public TreeResource(CurrentCaller caller, TreeStatusService status, FruitService fruits) {
        this.caller = caller;
        this.status = status;
        this.fruits = fruits;
    }

    @Override
    public TreeStatus getTreeStatus() {
        return TreeMapper.toApi(status.status(caller.userId()));
    }

    @Override
    public FruitPage listFruits(Integer limit, String nextToken, AiCharacter aiCharacter, Emotion emotion) {
        return TreeMapper.toApi(fruits.list(caller.userId(), limit == null ? DEFAULT_LIMIT : limit, nextToken,
                TreeMapper.character(aiCharacter), TreeMapper.emotion(emotion)));
    }

    @Override
    public FruitDetail viewFruit(String fruitId) {
        return TreeMapper.detail(fruits.view(caller.userId(), fruitId));
    }
}
