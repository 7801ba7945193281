package io.noetl.topology.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateMinerTest {

    @Test
    void messagesDifferingOnlyInVariablesShareOneTemplate() {
        TemplateMiner miner = new TemplateMiner();
        MinedTemplate a = miner.mine("PacketResponder 1 for block blk_38865049064139660 terminating");
        MinedTemplate b = miner.mine("PacketResponder 0 for block blk_-6952295868487656571 terminating");

        assertThat(b.templateId()).isEqualTo(a.templateId());
        assertThat(b.template()).isEqualTo("PacketResponder <*> for block <*> terminating");
        assertThat(b.parameters()).containsExactly("0", "blk_-6952295868487656571");
    }

    @Test
    void differentConstantWordsGiveDifferentTemplates() {
        TemplateMiner miner = new TemplateMiner();
        String bytes = miner.mine("Block rdd_1 stored as bytes in memory (estimated size 5.8 KB, free 392.3 KB)").templateId();
        String values = miner.mine("Block rdd_2 stored as values in memory (estimated size 9.7 KB, free 389.6 KB)").templateId();

        assertThat(values).isNotEqualTo(bytes);
    }

    @Test
    void idIsKeptWhenTheClusterGeneralizes() {
        TemplateMiner miner = new TemplateMiner();
        MinedTemplate first = miner.mine("user alice logged in from node-7");
        MinedTemplate second = miner.mine("user alice logged in from 10.0.0.1:8080");

        assertThat(first.template()).isEqualTo("user alice logged in from <*>");
        assertThat(second.templateId()).isEqualTo(first.templateId()).matches("[0-9a-f]{16}");
        assertThat(first.templateId()).isEqualTo(TemplateIds.of("user alice logged in from <*>"));
    }

    @Test
    void idStaysWhenAConstantPositionTurnsIntoAWildcard() {
        TemplateMiner miner = new TemplateMiner();
        MinedTemplate first = miner.mine("worker started on host alpha");
        MinedTemplate second = miner.mine("worker started on host 42");

        assertThat(second.templateId()).isEqualTo(first.templateId());
        assertThat(second.template()).isEqualTo("worker started on host <*>");
        assertThat(miner.mine("worker started on host beta").templateId()).isEqualTo(first.templateId());
    }

    @Test
    void wordSeenWithManyValuesBecomesAWildcardAndOldIdsResolveToTheSurvivor() {
        TemplateMiner miner = new TemplateMiner();
        String cyrus = miner.mine("session closed for user cyrus").templateId();
        String news = miner.mine("session closed for user news").templateId();
        String test = miner.mine("session closed for user test").templateId();
        assertThat(news).isNotEqualTo(cyrus);

        MinedTemplate root = miner.mine("session closed for user root");

        assertThat(root.templateId()).isEqualTo(cyrus);
        assertThat(root.template()).isEqualTo("session closed for user <*>");
        assertThat(root.parameters()).containsExactly("root");
        assertThat(miner.resolve(news)).isEqualTo(cyrus);
        assertThat(miner.resolve(test)).isEqualTo(cyrus);
        assertThat(miner.resolve(cyrus)).isEqualTo(cyrus);
        assertThat(miner.mine("session closed for user mail").templateId()).isEqualTo(cyrus);
        assertThat(miner.clusterCount()).isEqualTo(1);
    }

    @Test
    void twoValuesOfAWordStayTwoTemplates() {
        TemplateMiner miner = new TemplateMiner();
        String usbfs = miner.mine("usbcore: registered new driver usbfs").templateId();
        String hub = miner.mine("usbcore: registered new driver hub").templateId();

        assertThat(hub).isNotEqualTo(usbfs);
        assertThat(miner.resolve(hub)).isEqualTo(hub);
    }

    @Test
    void dotLeadersSeparateTheWordFromTheValue() {
        TemplateMiner miner = new TemplateMiner();
        String illegal = miner.mine("program interrupt: illegal instruction......0").templateId();
        miner.mine("program interrupt: privileged instruction...0");
        miner.mine("program interrupt: imprecise exception......0");
        miner.mine("program interrupt: trap instruction.........0");

        MinedTemplate again = miner.mine("program interrupt: illegal instruction......1");
        assertThat(again.templateId()).isEqualTo(illegal);
        assertThat(again.template()).isEqualTo("program interrupt: illegal instruction......<*>");
    }

    @Test
    void sameInputSequenceGivesSameIds() {
        List<String> lines = List.of("job 1 failed after 30s", "connection from 1.2.3.4 closed",
                "job 2 failed after 12ms", "open /var/log/app.log failed", "connection from 5.6.7.8 closed");
        assertThat(ids(new TemplateMiner(), lines)).isEqualTo(ids(new TemplateMiner(), lines));
    }

    @Test
    void punctuationIsKeptInTheTemplate() {
        TemplateMiner miner = new TemplateMiner();
        miner.mine("ambient=28 level=high");
        MinedTemplate t = miner.mine("ambient=31 level=high");

        assertThat(t.template()).isEqualTo("ambient=<*> level=high");
        assertThat(t.parameters()).containsExactly("31");
    }

    @Test
    void syntheticLogIsGroupedPerfectly() {
        List<String> lines = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            switch (i % 4) {
                case 0 -> add(lines, truth, 0, "Accepted connection from /10.0." + i + ".1:" + (5000 + i));
                case 1 -> add(lines, truth, 1, "Task " + i + " finished in " + (i * 7) + " ms, result " + (i * 31)
                        + " bytes");
                case 2 -> add(lines, truth, 2, "Session 0x" + Integer.toHexString(i * 7919) + " expired at "
                        + "2024-05-0" + (i % 9 + 1) + "T10:0" + (i % 10) + ":00Z");
                default -> add(lines, truth, 3, "Task " + i + " failed: file /data/in/part-" + i + ".csv not found");
            }
        }
        List<String> ids = ids(new TemplateMiner(), lines);

        assertThat(groupingAccuracy(truth, ids)).isEqualTo(1.0);
    }

    @Test
    void invalidConfigurationIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new TemplateMiner(0, 2, 3)).hasMessageContaining("similarity");
        assertThatThrownBy(() -> new TemplateMiner(0.5, -1, 3)).hasMessageContaining("keyTokens");
        assertThatThrownBy(() -> new TemplateMiner(0.5, 2, 1)).hasMessageContaining("siblings");
    }

    @Test
    void nullAndEmptyMessagesAreMined() {
        TemplateMiner miner = new TemplateMiner();
        assertThat(miner.mine(null).templateId()).isEqualTo(miner.mine("").templateId());
    }

    private static void add(List<String> lines, List<Integer> truth, int group, String line) {
        lines.add(line);
        truth.add(group);
    }

    private static List<String> ids(TemplateMiner miner, List<String> lines) {
        return lines.stream().map(l -> miner.mine(l).templateId()).toList();
    }

    private static double groupingAccuracy(List<Integer> truth, List<String> predicted) {
        int ok = 0;
        for (int i = 0; i < truth.size(); i++) {
            boolean same = true;
            for (int j = 0; j < truth.size(); j++) {
                same &= truth.get(i).equals(truth.get(j)) == predicted.get(i).equals(predicted.get(j));
            }
            ok += same ? 1 : 0;
        }
        return (double) ok / truth.size();
    }
}
