package io.conversa.interfaces.batch;

import io.conversa.application.AnalyticsRefresh;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Plans one partition per conversation that changed since its analytics were computed. With none
 * changed it plans a single empty partition, since a step needs at least one.
 */
@Named
@Dependent
public class ChangedConversations implements PartitionMapper {

    private static final int THREADS = 2;

    @Inject
    AnalyticsRefresh refresh;

    @Override
    public PartitionPlan mapPartitions() throws Exception {
        List<UUID> changed = refresh.changedConversations();
        Properties[] partitions = new Properties[Math.max(1, changed.size())];
        for (int i = 0; i < partitions.length; i++) {
            partitions[i] = new Properties();
            partitions[i].setProperty("conversation", i < changed.size() ? changed.get(i).toString() : "");
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.length);
        plan.setThreads(Math.min(THREADS, partitions.length));
        plan.setPartitionProperties(partitions);
        return plan;
    }
}
