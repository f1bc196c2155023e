import { Engine, type EngineOptions, type MachineState } from './engine.ts';
import { makeUsers, machineId, type Region, type User } from './people.ts';

/**
 * The watched app and its users: three machines (two in sin, one in sjc) of nuzantara-backend, and a few
 * hundred people who ask it things.
 */
export class World {
  readonly engine: Engine;
  readonly users: User[];
  readonly leaks: boolean;
  readonly quirks: boolean;
  /** Unpaired rate-limit lines are kept a minute apart, so that no two of them pair up. */
  lastLoneViolationMs = Number.NEGATIVE_INFINITY;

  constructor(options: EngineOptions) {
    this.engine = new Engine(options);
    this.leaks = options.leaks;
    this.quirks = options.quirks;
    const rng = this.engine.rng;
    const hosts: Record<Region, string> = { sin: rng.hex(4), sjc: rng.hex(4) };
    this.engine.addMachine({ id: machineId(rng), region: 'sin', host: hosts.sin, primary: true });
    this.engine.addMachine({ id: machineId(rng), region: 'sin', host: hosts.sin, primary: false });
    this.engine.addMachine({ id: machineId(rng), region: 'sjc', host: hosts.sjc, primary: false });
    this.users = makeUsers(rng, 300);
  }

  get rng() {
    return this.engine.rng;
  }

  get now(): number {
    return this.engine.now;
  }

  /** Fly's proxy: the nearest machine that is up, else any that is up, else the nearest anyway. */
  route(region: Region): MachineState {
    const up = this.engine.machines.filter((m) => m.up);
    const near = up.filter((m) => m.region === region);
    const pool = near.length > 0 ? near : up.length > 0 ? up : this.engine.machines;
    return this.rng.pick(pool);
  }

  /** The machine a pinned client (the test plan, a bot) lands on: the primary while it is up. */
  pinned(): MachineState {
    const p = this.engine.primary;
    return p.up ? p : this.route('sin');
  }

  /** `conn_<Date.now()>_<9 base36>`, as the backend makes them. */
  connectionId(ms: number): string {
    // Like `Math.random().toString(36).substr(2, 9)`: nine base-36 characters, from the seeded generator.
    const hi = this.rng.int(0, 36 ** 5 - 1).toString(36).padStart(5, '0');
    const lo = this.rng.int(0, 36 ** 4 - 1).toString(36).padStart(4, '0');
    return `conn_${ms}_${hi}${lo}`;
  }

  /** The correlation middleware's id (32 hex). */
  correlationId(): string {
    return this.rng.hex(32);
  }

  /** The address the backend sees: the client's with leaks on (trust proxy), Fly's private one with leaks off. */
  ipOf(user: User): string {
    return this.leaks ? user.publicIp : user.privateIp;
  }
}
