# Two commands: `make run` (demo site on http://127.0.0.1:$(PORT), with its worker and scheduler)
# and `make test` (the suite).
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000

.PHONY: run test lint fonts benchmark clean

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	@touch $@

# A CJK font for PDF output (WeasyPrint). Installed from Debian's packages when we are root.
fonts:
	@fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null)) \
	      && echo "已安装中文字体 fonts-noto-cjk"; \
	  else echo "提示：未找到中文字体，PDF 中的汉字可能无法显示；请安装 fonts-noto-cjk。"; fi; }

# Like production: web, task worker (db_worker) and scheduler (tick each minute) together. Ctrl-C
# or stopping make (even `kill` of make alone) stops all three: the recipe's shell watches make
# and the web server, and its trap ends the three processes.
run: $(VENV)/.installed fonts
	$(PY) manage.py migrate --noinput -v0
	TASK_BACKEND=immediate $(PY) manage.py load_demo
	@echo "站点地址： http://127.0.0.1:$(PORT)/   后台： http://127.0.0.1:$(PORT)/admin/"
	@echo "同时启动：任务执行器（db_worker）和调度器（scheduler）；按 Ctrl-C 全部停止。"
	@$(PY) manage.py db_worker --interval 2 -v0 & worker=$$!; \
	  $(PY) manage.py scheduler -v0 & scheduler=$$!; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT) & web=$$!; \
	  trap 'trap - EXIT; kill $$web $$worker $$scheduler 2>/dev/null; wait; exit 0' EXIT INT TERM; \
	  while kill -0 $$PPID 2>/dev/null && kill -0 $$web 2>/dev/null; do sleep 1; done

test: $(VENV)/.installed fonts
	$(PY) -m ruff check .
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(PY) -m ruff check .

benchmark: $(VENV)/.installed
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* var staticfiles
