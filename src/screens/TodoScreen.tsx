import { Box, Text } from 'ink';
import type { StepStatus } from '../state/types.js';
import { chartRows } from './hours-chart.js';
import { StepScreen } from './StepScreen.js';
import { useTheme } from './theme.js';

export function TodoScreen({ status, now }: { status: StepStatus; now: number }) {
  const { colour } = useTheme();
  const chart = status.kind === 'done' ? status.chart : undefined;
  return (
    <StepScreen id="todo" status={status} now={now}>
      <Text color={colour('muted')}>
        Plans for the goal in [todo] of odoo-project-sync.toml (implement, takeover or upgrade); every task has a three-point estimate. ToDo.md is plain
        Markdown you can read anywhere.
      </Text>
      {chart && chart.bars.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>
            {chart.title} <Text color={colour('muted')}>(█ expected, ░ up to pessimistic; optimistic–pessimistic in brackets)</Text>
          </Text>
          {chartRows(chart, 30).map((r, i) => (
            <Text key={i} wrap="truncate-end">
              {r.label} <Text color={colour('accent')}>{r.solid}</Text>
              <Text color={colour('muted')}>{r.shade}</Text> {r.figures}
            </Text>
          ))}
        </Box>
      ) : null}
    </StepScreen>
  );
}
