# A task scheduler in the style of richards: tasks with priorities hold packets, pass
# them along linked queues, wait and resume (classes, attribute access, method calls,
# linked lists, many small branches).
# The optional argument is the number of scheduler runs (default 350).
from __future__ import print_function
import sys

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 350

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet(object):
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        last = queue
        while last.link is not None:
            last = last.link
        last.link = self
        return queue


class Task(object):
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = state == "wait"
        self.held = False
        self.next = scheduler.tasks
        scheduler.tasks = self
        scheduler.by_id[ident] = self

    def runnable(self):
        return self.packet_pending or not (self.waiting or self.held)

    def take_packet(self):
        packet = self.queue
        if packet is None:
            return None
        self.queue = packet.link
        self.packet_pending = self.queue is not None
        return packet

    def receive(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current


class IdleTask(Task):
    def __init__(self, scheduler, count):
        Task.__init__(self, scheduler, IDLE, 0, None, "run")
        self.control = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, scheduler, WORKER, 1000, queue, "wait")
        self.destination = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.scheduler.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue, "wait")
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            if work.count < DATA_SIZE:
                if self.devices is not None:
                    device = self.devices
                    self.devices = device.link
                    device.count = work.data[work.count]
                    work.count += 1
                    return self.scheduler.queue_packet(device)
            else:
                self.work = work.link
                return self.scheduler.queue_packet(work)
        return self.scheduler.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None, "wait")
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait()
            packet, self.pending = self.pending, None
            return self.scheduler.queue_packet(packet)
        self.pending = packet
        self.scheduler.output += packet.count
        return self.scheduler.hold_self()


class Scheduler(object):
    def __init__(self):
        self.tasks = None
        self.by_id = {}
        self.current = None
        self.hold_count = 0
        self.queue_count = 0
        self.output = 0

    def release(self, ident):
        task = self.by_id[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue_packet(self, packet):
        task = self.by_id[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return task.receive(packet, self.current)

    def schedule(self):
        self.current = self.tasks
        while self.current is not None:
            task = self.current
            if task.held or not task.runnable():
                self.current = task.next
                continue
            packet = None
            if task.waiting and task.packet_pending:
                packet = task.take_packet()
            task.waiting = False
            self.current = task.run(packet)


def run_once(count):
    s = Scheduler()
    IdleTask(s, count)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(s, work)
    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, queue)
    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, queue)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.queue_count, s.hold_count, s.output


def main():
    checksum = 0
    for run in range(RUNS):
        queued, held, output = run_once(1000 + run)
        checksum = (checksum * 7 + queued * 3 + held + output) % 1000000007
    sys.stdout.write("scheduler queued %d held %d checksum %d\n" % (queued, held, checksum))


main()
