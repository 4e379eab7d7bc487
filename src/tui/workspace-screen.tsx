// The workspace list: every review document in the workspace with this reviewer's progress
// ("2/4 scored"), its triage figures (computed after the first frame) and who else has scored
// it. Enter opens one; « marks a document with a predecessor (an earlier version), p chooses it.
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { sanitizeLine } from '../core/sanitize.js';
import { HelpOverlay, helpScrollMax } from './help-overlay.js';
import type { KeySlot } from './key-slot.js';
import { keyHints } from './keys.js';
import { StatusBar, type Status } from './status-bar.js';
import { displayWidth, fit, truncate, truncateMiddle } from './text.js';
import { useTheme } from './theme.js';
import type { ReviewHost, WorkspaceEntry } from './types.js';
import type { Size } from './use-terminal-size.js';
import { eachKey, useRefState } from './use-ref-state.js';
import { triageCells, triageDetail, triageHeader, triageLayout } from './workspace/triage-text.js';
import { useTriage } from './workspace/use-triage.js';
import { PredecessorPicker } from './workspace/predecessor-picker.js';
import { usePredecessors } from './workspace/use-predecessors.js';
import { choiceText, movePicker, openPicker, type PickerState } from './state/predecessor-picker.js';

export function progressText(entry: WorkspaceEntry): string {
  if (entry.problem) return 'score file unreadable';
  if (!entry.started) return 'not started';
  return `${entry.scored}/${entry.total} scored`;
}

export function WorkspaceScreen(props: {
  host: ReviewHost;
  size: Size;
  keys: KeySlot;
  status: Status | null;
  initialSelected?: string;
  onOpen: (entry: WorkspaceEntry) => void;
  onQuit: () => void;
}) {
  const theme = useTheme();
  const [entries, setEntries, entriesRef] = useRefState<WorkspaceEntry[] | null>(null);
  const [selected, setSelected, selectedRef] = useRefState(0);
  const [help, setHelpState, helpRef] = useRefState(false);
  const [helpScroll, setHelpScroll, helpScrollRef] = useRefState(0);
  const setHelp = (open: boolean) => {
    setHelpScroll(0);
    setHelpState(open);
  };
  const [status, setStatus] = useState<Status | null>(props.status);
  const [reloads, setReloads] = useState(0);
  // The app reports on this screen too (opening…, a document that failed to open).
  useEffect(() => setStatus(props.status), [props.status]);

  useEffect(() => {
    let live = true;
    props.host.listDocuments().then(
      (list) => {
        if (!live) return;
        setEntries(list);
        const index = props.initialSelected ? list.findIndex((e) => e.path === props.initialSelected) : -1;
        if (index >= 0) setSelected(index);
        else setSelected((s) => Math.min(s, Math.max(0, list.length - 1)));
      },
      (error: unknown) => {
        if (!live) return;
        setEntries([]);
        setStatus({ text: sanitizeLine(error instanceof Error ? error.message : String(error)), tone: 'bad' });
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.host, reloads]);

  const triage = useTriage(props.host, entries);
  const predecessors = usePredecessors(props.host, entries, triage);
  const [picker, setPicker, pickerRef] = useRefState<PickerState | null>(null);
  // A bad workspace state file is said at once, not only when p is pressed.
  useEffect(() => {
    if (predecessors.problem) setStatus({ text: sanitizeLine(predecessors.problem), tone: 'bad' });
  }, [predecessors.problem]);
  const { columns, rows } = props.size;
  const hints = keyHints(help ? 'help' : picker ? 'predecessor' : 'workspace', columns);
  const bodyHeight = Math.max(4, rows - 1 - 1 - 1 - hints.length);
  const inner = Math.max(10, columns - 4);
  const list = entries ?? [];
  const layout = triageLayout(list.map((e) => triage.get(e.path)));
  const triageWidth = layout?.width ?? 0;
  // Once any document has a predecessor: a « column, and a line under the list naming the selected one's.
  const marks = list.some((e) => predecessors.resolved.has(e.name));
  const lead = marks ? 4 : 2;
  // With figures, a column header above the list and the selected document's figures below it.
  const listRows = Math.max(1, bodyHeight - 3 - (layout ? 3 : 0) - (marks ? 1 : 0));
  const start = Math.max(0, Math.min(selected - Math.floor(listRows / 2), list.length - listRows));
  // Columns sized to what they hold (the longest name and progress text, who else scored),
  // and the title gets the rest: fixed widths cut names while the progress column sat empty.
  const progressWidth = Math.max(0, ...list.map((e) => displayWidth(progressText(e)))) + 2;
  // The figures come before who else scored and the title, which the line under the list shows.
  const nameCap = layout ? inner - lead - progressWidth - triageWidth : Math.floor(inner * 0.45);
  const nameWidth = Math.min(Math.max(12, nameCap), Math.max(8, ...list.map((e) => displayWidth(sanitizeLine(e.name)))));
  const othersText = (entry: WorkspaceEntry) => (entry.others.length > 0 ? `also ${entry.others.map(sanitizeLine).join(', ')}` : '');
  const othersRoom = layout ? inner - lead - nameWidth - progressWidth - triageWidth - 2 : Infinity;
  const othersWanted = Math.min(Math.floor(inner * 0.3), othersRoom, Math.max(0, ...list.map((e) => displayWidth(othersText(e)))));
  const othersWidth = othersWanted >= 8 ? othersWanted : 0;
  const titleRoom = Math.max(0, inner - lead - nameWidth - progressWidth - triageWidth - (othersWidth > 0 ? othersWidth + 2 : 0));
  // A title cut to a few letters says nothing; with figures the line under the list has the project.
  const titleWidth = layout && titleRoom < 12 ? 0 : titleRoom;
  const selectedEntry = list[selected];
  const predecessorLine = (entry: WorkspaceEntry) => {
    const found = predecessors.resolved.get(entry.name);
    if (!found) return 'no predecessor (p chooses one)';
    return `« since ${sanitizeLine(found.name)} (${found.how === 'chosen' ? 'chosen by hand' : 'same project, earlier'}; d in the review shows what changed)`;
  };
  const bottomLines = [...(layout && selectedEntry ? triageDetail(triage.get(selectedEntry.path)) : []), ...(marks && selectedEntry ? [predecessorLine(selectedEntry)] : [])];

  const pickerKey = (input: string, key: { escape?: boolean; return?: boolean; upArrow?: boolean; downArrow?: boolean }, open: PickerState) => {
    if (key.escape || input === 'q') return setPicker(null);
    if (key.return) {
      const option = open.options[open.selected]!;
      setPicker(null);
      predecessors.choose(open.target, option.value).then(
        () => setStatus({ text: sanitizeLine(choiceText(open.target, option)), tone: 'good' }),
        (error: unknown) => setStatus({ text: sanitizeLine(error instanceof Error ? error.message : String(error)), tone: 'bad' }),
      );
      return;
    }
    let delta = key.downArrow ? 1 : key.upArrow ? -1 : 0;
    for (const ch of eachKey(input)) delta += ch === 'j' ? 1 : ch === 'k' ? -1 : 0;
    if (delta) setPicker(movePicker(open, delta));
  };

  const openPickerFor = (entry: WorkspaceEntry | undefined) => {
    if (!entry) return;
    if (!predecessors.canChoose) return setStatus({ text: 'predecessors cannot be chosen here', tone: 'warn' });
    if (predecessors.problem) return setStatus({ text: sanitizeLine(predecessors.problem), tone: 'bad' });
    const names = (entriesRef.current ?? []).map((e) => e.name);
    setPicker(openPicker(entry.name, names, predecessors.choices, predecessors.matchedFor(entry.name)));
  };

  props.keys.current = (input, key) => {
      if (key.paste) return setStatus({ text: 'pasted text ignored: nothing to type into here', tone: 'warn' });
      if (helpRef.current) {
        if (key.escape || input === 'q' || input === '?') return setHelp(false);
        const delta = key.downArrow || input === 'j' ? 1 : key.upArrow || input === 'k' ? -1 : 0;
        if (delta) setHelpScroll(Math.max(0, Math.min(helpScrollMax('workspace', columns, bodyHeight), helpScrollRef.current + delta)));
        return;
      }
      if (pickerRef.current) return pickerKey(input, key, pickerRef.current);
      const list = entriesRef.current ?? [];
      const move = (delta: number) => setSelected((s) => Math.max(0, Math.min(list.length - 1, s + delta)));
      if (key.escape) return props.onQuit();
      if (key.downArrow) return move(1);
      if (key.upArrow) return move(-1);
      if (key.return) {
        const entry = list[selectedRef.current];
        if (entry) props.onOpen(entry);
        return;
      }
      for (const ch of eachKey(input)) {
        if (ch === 'q') return props.onQuit();
        if (ch === '?') return setHelp(true);
        if (ch === 'p') return openPickerFor(list[selectedRef.current]);
        if (ch === 'j') move(1);
        else if (ch === 'k') move(-1);
        else if (ch === 'r') {
          setStatus({ text: 'reloaded', tone: 'info' });
          setReloads((n) => n + 1);
        } else if (ch === ' ') {
          const entry = list[selectedRef.current];
          if (entry) return props.onOpen(entry);
        }
      }
  };

  const header = fit(` toc-review · workspace ${sanitizeLine(props.host.workspace)}`, columns);
  return (
    <Box flexDirection="column" width={columns}>
      <Text bold wrap="truncate-end">
        {header}
      </Text>
      {help ? (
        <HelpOverlay view="workspace" width={columns} height={bodyHeight} scroll={helpScroll} />
      ) : picker ? (
        <PredecessorPicker picker={picker} width={columns} height={bodyHeight} />
      ) : (
        <Box flexDirection="column" borderStyle="round" borderColor={theme.focus} width={columns} height={bodyHeight} paddingX={1}>
          <Text bold wrap="truncate-end">
            {fit(`● Review documents${entries ? ` (${list.length})` : ''}${props.host.reviewer ? ` · reviewer ${sanitizeLine(props.host.reviewer.name)}` : ''}`, inner)}
          </Text>
          {entries === null ? <Text color={theme.dim}>Loading…</Text> : null}
          {entries !== null && list.length === 0 ? (
            <Text color={theme.warn} wrap="truncate-end">
              {truncate('No markdown documents here. Add a .md file, or run toc-review <doc.md>.', inner)}
            </Text>
          ) : null}
          {layout && list.length > 0 ? (
            <Text color={theme.dim} wrap="truncate-end">
              {fit(`${' '.repeat(lead)}${fit('document', nameWidth)}${fit('  progress', progressWidth)}${triageHeader(layout)}`, inner)}
            </Text>
          ) : null}
          {list.slice(start, start + listRows).map((entry, offset) => {
            const index = start + offset;
            const isSelected = index === selected;
            const progress = progressText(entry);
            return (
              <Text key={entry.path} wrap="truncate-end" bold={isSelected} inverse={isSelected && theme.color}>
                {isSelected ? '› ' : '  '}
                {marks ? (predecessors.resolved.has(entry.name) ? '« ' : '  ') : ''}
                {/* With figures a long path loses its middle: the folder and the file name both stay. */}
                {fit(layout ? truncateMiddle(sanitizeLine(entry.name), nameWidth) : sanitizeLine(entry.name), nameWidth)}
                <Text color={entry.problem ? theme.bad : entry.started && entry.scored === entry.total ? theme.good : entry.started ? theme.warn : theme.dim}>
                  {fit(`  ${progress}`, progressWidth)}
                </Text>
                {layout ? triageCells(triage.get(entry.path), layout) : ''}
                {othersWidth > 0 ? fit(`  ${othersText(entry)}`, othersWidth + 2) : ''}
                {fit(`  ${sanitizeLine(entry.title)}`, titleWidth)}
              </Text>
            );
          })}
          {bottomLines.length > 0 ? (
            <Box flexGrow={1} flexDirection="column" justifyContent="flex-end">
              {bottomLines.map((line, k) => (
                <Text key={k} color={theme.accent} wrap="truncate-end">
                  {fit(line, inner)}
                </Text>
              ))}
            </Box>
          ) : null}
        </Box>
      )}
      <StatusBar width={columns} status={status} hints={hints} />
    </Box>
  );
}
