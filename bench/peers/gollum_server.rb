# gollum-lib behind a minimal HTTP wrapper, so that it is measured over HTTP like Inkstone.
#
#   ruby bench/peers/gollum_server.rb PORT BARE_REPO [BRANCH]
#
# WEBrick (one thread per connection). One Gollum::Wiki is shared and every request holds one mutex: gollum-lib
# and Rugged make no thread-safety promise, and Ruby's global VM lock runs Ruby code one thread at a time anyway.
#   GET /page/<dir>/<name>   read + render: {path, title, html} as JSON (gollum's formatted_data)
#   PUT /page/<dir>/<name>   body = the page's new Markdown: update_page if it exists, else write_page;
#                            answers {commit} (the new commit id). gollum-lib has no compare-and-swap on a
#                            blob id: a write replaces the page (no merge), like its own web front end.
#   GET /health              200
require 'gollum-lib'
require 'json'
require 'webrick'

port = Integer(ARGV.fetch(0))
repo = ARGV.fetch(1)
branch = ARGV.fetch(2, 'main')
wiki = Gollum::Wiki.new(repo, repo_is_bare: true, ref: branch)
lock = Mutex.new
author = { name: 'bench', email: 'b@x.y' }

server = WEBrick::HTTPServer.new(BindAddress: '127.0.0.1', Port: port, AccessLog: [],
                                 Logger: WEBrick::Log.new($stderr, WEBrick::Log::WARN),
                                 MaxClients: 256)
server.mount_proc('/health') { |_req, res| res.body = 'ok' }
server.mount_proc('/page/') do |req, res|
  path = req.path.sub(%r{\A/page/}, '')
  dir = File.dirname(path)
  dir = '' if dir == '.'
  name = File.basename(path)
  res['Content-Type'] = 'application/json'
  lock.synchronize do
    page = wiki.page(name, nil, dir)
    case req.request_method
    when 'GET'
      if page.nil?
        res.status = 404
        res.body = '{"error":"not found"}'
      else
        res.body = JSON.generate(path: page.path, title: page.title, html: page.formatted_data)
      end
    when 'PUT'
      data = req.body.to_s.force_encoding('UTF-8')
      commit = author.merge(message: "Update #{path}")
      sha = if page
              wiki.update_page(page, nil, nil, data, commit)
            else
              wiki.write_page(name, :markdown, data, commit, dir)
            end
      res.body = JSON.generate(commit: sha)
    else
      res.status = 405
    end
  end
end
trap('TERM') { server.shutdown }
trap('INT') { server.shutdown }
server.start
