import { SLOTS_PER_WINDOW } from './sliding-window.ts';

/** The sliding-window algorithm of sliding-window.ts as a Lua function, `window(…)`. */
const WINDOW_FUNCTION = `
local SLOTS = ${SLOTS_PER_WINDOW}

-- One key's decision; its rules are the pairs ARGV[first], ARGV[first + 1], … (max, windowMs).
local function window(key, now, cost, counting, first, nrules)
  local windows = {}
  local stale = {}
  local flat = redis.call('HGETALL', key)
  for i = 1, #flat, 2 do
    local w, idx = string.match(flat[i], '^(%d+):(%d+)$')
    local c, at = string.match(flat[i + 1], '^(%d+):(%d+)$')
    w, idx, c, at = tonumber(w), tonumber(idx), tonumber(c), tonumber(at)
    if w == nil or idx == nil or c == nil or at == nil or at + w <= now then
      stale[#stale + 1] = flat[i]
    else
      local list = windows[w]
      if list == nil then
        list = {}
        windows[w] = list
      end
      list[#list + 1] = { idx, c, at, flat[i] }
    end
  end
  for _, list in pairs(windows) do
    table.sort(list, function(a, b) return a[1] < b[1] end)
  end

  local allowed = true
  local outcomes = {}
  for r = 1, nrules do
    local max = tonumber(ARGV[first - 2 + 2 * r])
    local w = tonumber(ARGV[first - 1 + 2 * r])
    local list = windows[w] or {}
    local used = 0
    for _, s in ipairs(list) do used = used + s[2] end
    local reset = 0
    if #list > 0 then reset = list[#list][3] + w - now end
    local left = math.max(0, max - used)
    local o = { ok = false, remaining = left, retry = w, reset = reset }
    if max == 0 or cost > max then
      -- never fits: refused with one full window
    elseif used + cost <= max then
      o.ok, o.remaining, o.retry, o.reset = true, left - cost, 0, w
    else
      local needed = used + cost - max
      local freed = 0
      for _, s in ipairs(list) do
        freed = freed + s[2]
        if freed >= needed then
          o.retry = s[3] + w - now
          break
        end
      end
    end
    if not o.ok then allowed = false end
    outcomes[r] = o
  end

  local deciding, remaining, reset = 1, nil, 0
  for r = 1, nrules do
    local o = outcomes[r]
    if remaining == nil or o.remaining < remaining then remaining = o.remaining end
    if o.reset > reset then reset = o.reset end
  end
  if allowed then
    for r = 2, nrules do
      if outcomes[r].remaining < outcomes[deciding].remaining then deciding = r end
    end
  else
    deciding = nil
    for r = 1, nrules do
      local o = outcomes[r]
      if not o.ok and (deciding == nil or o.retry > outcomes[deciding].retry) then deciding = r end
    end
  end

  if counting then
    for _, field in ipairs(stale) do redis.call('HDEL', key, field) end
    if allowed then
      local seen = {}
      for r = 1, nrules do
        local w = tonumber(ARGV[first - 1 + 2 * r])
        if not seen[w] then
          seen[w] = true
          local index = math.floor(now / math.ceil(w / SLOTS))
          local list = windows[w] or {}
          local newest = list[#list]
          if newest ~= nil and newest[1] >= index then
            newest[2] = newest[2] + cost
            newest[3] = math.max(newest[3], now)
            redis.call('HSET', key, newest[4], string.format('%d:%d', newest[2], newest[3]))
          else
            list[#list + 1] = { index, cost, now }
            redis.call('HSET', key, string.format('%d:%d', w, index), string.format('%d:%d', cost, now))
          end
          windows[w] = list
        end
      end
      local latest = now
      for w, list in pairs(windows) do
        local newest = list[#list]
        if newest ~= nil and newest[3] + w > latest then latest = newest[3] + w end
      end
      redis.call('PEXPIRE', key, latest - now)
    end
  end

  return { allowed and 1 or 0, remaining, outcomes[deciding].retry, reset, deciding }
end
`;

/**
 * The sliding-window algorithm of sliding-window.ts in Lua, run by Redis as one atomic script
 * per call: it reads the key's slots, decides, and counts only an allowed call — no other
 * command on the key can run in between.
 *
 * KEYS[1]  the key's hash; field `<windowMs>:<slot index>` = `<count>:<lastAt ms>`
 * ARGV[1]  now (ms since the epoch, from the caller's Clock — never Redis TIME, so every
 *          instance and every test clock decides with the same time source as the rest)
 * ARGV[2]  cost
 * ARGV[3]  1 to count an allowed call (consume), 0 to write nothing (peek)
 * ARGV[4…] max, windowMs — one pair per rule
 * Returns  { allowed 0|1, remaining, retryAfterMs, resetAfterMs, deciding rule's 1-based index }
 *
 * Ties and rounding match `evaluate` and `record` exactly; the shared contract suite checks.
 * Numbers are integers below 2^53, exact in Lua's doubles; fields are written with %d.
 */
export const SLIDING_WINDOW_LUA = `${WINDOW_FUNCTION}
return window(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1', 4, (#ARGV - 3) / 2)
`;

/**
 * Several keys' decisions in order, as one atomic script: each step peeks or consumes its key
 * as `SLIDING_WINDOW_LUA` would, and the first refused step ends the script, so the steps
 * after it count nothing (those before it stay counted, as separate calls in that order
 * would leave them). One round trip instead of one per step.
 *
 * KEYS[s]  step s's key
 * ARGV[1]  now (ms, the caller's Clock)
 * then per step: counting (1 or 0), cost, number of rules n, then n pairs max, windowMs
 * Returns  { 0 } when every step passed, else { s, then the refusal as SLIDING_WINDOW_LUA's }
 */
export const ORDERED_WINDOWS_LUA = `${WINDOW_FUNCTION}
local now = tonumber(ARGV[1])
local at = 2
for s = 1, #KEYS do
  local counting = ARGV[at] == '1'
  local cost = tonumber(ARGV[at + 1])
  local n = tonumber(ARGV[at + 2])
  local result = window(KEYS[s], now, cost, counting, at + 3, n)
  if result[1] == 0 then
    return { s, result[1], result[2], result[3], result[4], result[5] }
  end
  at = at + 3 + 2 * n
end
return { 0 }
`;
